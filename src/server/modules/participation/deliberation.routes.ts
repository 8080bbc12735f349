import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  type TopicDto,
  candidateListQuery,
  candidateSchema,
  commentBody,
  conventionBody,
  conventionDetailSchema,
  conventionListQuery,
  conventionSchema,
  createTopicBody,
  diffQuery,
  diffSchema,
  followBody,
  formatBody,
  formatSchema,
  homeUnitsSchema,
  myTopicsQuery,
  proposeTopicBody,
  publishBody,
  roomBody,
  roomListQuery,
  roomPatchBody,
  roomSchema,
  topicActionBody,
  topicDetailSchema,
  topicFromCategoryBody,
  topicListQuery,
  topicMicroCountsQuery,
  topicMicroCountsSchema,
  topicMicroKindBody,
  topicSchema,
  versionBody,
} from '../../../shared/contracts/deliberation';
import { chinaMinute } from '../../../shared/chinaTime';
import { type Access, access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import type { AppDeps } from '../../platform/context';
import type { SheetColumn } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { recordActions } from '../../platform/recordActions';
import { recordRoutes } from '../../platform/recordRoutes';
import { createLocalStorage } from '../../platform/storage';
import { readPhoto } from '../../platform/uploads';
import { meetingQr, qrSignIn } from './meetings.qr';
import {
  addVersion,
  attachRoomPhoto,
  createConvention,
  createRoom,
  diffConvention,
  getConvention,
  getRoom,
  listConventions,
  listRooms,
  patchRoom,
  publishConvention,
  roomPhoto,
} from './councils.usecases';
import {
  boardTopic,
  boardTopics,
  candidates,
  commentTopic,
  createTopic,
  createTopicFromCategory,
  exportTopics,
  followTopic,
  formats,
  getTopic,
  homeUnits,
  listTopics,
  proposeTopic,
  saveFormat,
  setTopicMicroKind,
  stepTopic,
  supportTopic,
  topicMicroCounts,
} from './topics.usecases';

/** The columns of the topics' xlsx export, headed in English or Chinese. */
function topicColumns(en: boolean): SheetColumn<TopicDto>[] {
  return [
    { header: en ? 'Topic' : '议题', width: 30, value: (r) => r.title },
    { header: en ? 'Level' : '层级', width: 18, value: (r) => r.levelName },
    { header: en ? 'Unit' : '所属单位', width: 18, value: (r) => r.unitName },
    { header: en ? 'Source' : '来源', width: 18, value: (r) => r.sourceName },
    { header: en ? 'Format' : '协商形式', width: 14, value: (r) => r.formatName },
    { header: en ? 'Micro kind' : '参与类型', width: 12, value: (r) => r.microKindName },
    { header: en ? 'Proposed by' : '提出人', value: (r) => r.proposerName },
    { header: en ? 'Step' : '当前环节', width: 16, value: (r) => `${r.step + 1}. ${r.stepName}` },
    { header: en ? 'Stage' : '居民主导环节', value: (r) => r.stageName },
    { header: en ? 'Supports' : '支持数', value: (r) => r.supports },
    { header: en ? 'Comments' : '评论数', value: (r) => r.comments },
    { header: en ? 'Proposed at' : '提出时间', width: 18, value: (r) => chinaMinute(r.createdAt) },
    { header: en ? 'Updated at' : '最近更新', width: 18, value: (r) => chinaMinute(r.updatedAt) },
  ];
}

/**
 * 议事协商 routes: deliberation topics with their six steps (R-DL-1…3) under /api/deliberations/topics, named
 * formats, council rooms (R-DL-5), conventions (R-DL-6) under /api/conventions, and the residents' side
 * (board: topics and conventions of their home's units).
 */
export function deliberationRoutes(base: FastifyInstance, deps: AppDeps) {
  const { app, tags, ctxOf: ctx, route, page, xlsx, recordFields } = routeKit(base, deps, 'participation');
  const read = { access: access.permission('participation.read') };
  const manage = { access: access.permission('participation.manage') };
  const propose = { access: access.permission('participation.propose') };
  const board = { access: access.permission('participation.board') };
  const records = recordFields(read.access, manage.access);
  const actionsOn = <R extends z.ZodType>(path: string, who: { access: Access }, response: R) =>
    recordActions(base, { path, tags, access: who.access, ctx, response });

  recordRoutes(base, {
    path: '/api/deliberations/topics',
    ...records,
    createAccess: propose.access,
    schema: topicSchema,
    listQuery: topicListQuery,
    list: listTopics,
    body: createTopicBody,
    create: createTopic,
    created: topicDetailSchema,
    detail: { schema: topicDetailSchema, get: getTopic },
  });
  xlsx(
    '/api/deliberations/topics/export.xlsx',
    read.access,
    topicListQuery.omit({ page: true, pageSize: true }),
    {
      file: { en: 'topics.xlsx', zh: '协商议题.xlsx' },
      sheet: { en: 'Topics', zh: '协商议题' },
      columns: topicColumns,
    },
    (ctx, q, locale) => exportTopics(ctx, { ...q, page: 1, pageSize: 20 }, locale),
  );
  app.get(
    '/api/deliberations/topics/micro-kinds',
    {
      config: read,
      schema: { tags, querystring: topicMicroCountsQuery, response: { 200: topicMicroCountsSchema } },
    },
    (req) => topicMicroCounts(ctx(req), req.query, req.locale),
  );
  app.post(
    '/api/deliberations/topics/from-category',
    {
      config: propose,
      schema: { tags, body: topicFromCategoryBody, response: { 201: topicDetailSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createTopicFromCategory(ctx(req), req.body, req.locale)),
  );
  const topicActions = actionsOn('/api/deliberations/topics', manage, topicDetailSchema);
  topicActions.post('steps', topicActionBody, stepTopic);
  topicActions.post('micro-kind', topicMicroKindBody, setTopicMicroKind);
  app.get(
    '/api/deliberations/topics/:id/candidates',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        querystring: candidateListQuery,
        response: { 200: z.object({ items: z.array(candidateSchema) }) },
      },
    },
    (req) => candidates(ctx(req), req.params.id, req.query),
  );
  app.get(
    '/api/deliberations/formats',
    {
      config: read,
      schema: {
        tags,
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(formatSchema) }) },
      },
    },
    (req) => formats(ctx(req), req.query.all === 'true'),
  );
  app.post(
    '/api/deliberations/formats',
    { config: manage, schema: { tags, body: formatBody, response: { 201: formatSchema } } },
    async (req, reply) => reply.status(201).send(await saveFormat(ctx(req), null, req.body)),
  );
  route(
    'PATCH',
    '/api/deliberations/formats/:id',
    manage.access,
    { body: formatBody, response: formatSchema },
    saveFormat,
  );

  // ---- QR sign-in at a meeting
  app.get(
    '/api/meetings/:id/qr',
    {
      config: manage,
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ url: z.string(), svg: z.string(), open: z.boolean() }) },
      },
    },
    (req) => meetingQr(ctx(req), req.params.id, `${req.protocol}://${req.headers.host}`),
  );
  app.post(
    '/api/meetings/:id/qr-sign-in',
    {
      config: board,
      schema: {
        tags,
        params: idParams,
        body: z.strictObject({ k: z.string().min(1).max(200) }),
        response: {
          200: z.object({
            title: z.string(),
            name: z.string(),
            already: z.boolean(),
            heldAt: z.date(),
            place: z.string().nullable(),
          }),
        },
      },
    },
    (req) => qrSignIn(ctx(req), req.params.id, req.body.k),
  );

  // ---- residents (民事民提 on the phone)
  app.get(
    '/api/deliberations/board/home-units',
    { config: board, schema: { tags, response: { 200: homeUnitsSchema } } },
    (req) => homeUnits(ctx(req), req.locale),
  );
  page('/api/deliberations/board/topics', board.access, myTopicsQuery, topicSchema, boardTopics);
  app.post(
    '/api/deliberations/board/topics',
    { config: board, schema: { tags, body: proposeTopicBody, response: { 201: topicDetailSchema } } },
    async (req, reply) => reply.status(201).send(await proposeTopic(ctx(req), req.body, req.locale)),
  );
  const boardTopicActions = actionsOn('/api/deliberations/board/topics', board, topicDetailSchema);
  boardTopicActions.get('', boardTopic);
  boardTopicActions.post('support', supportTopic);
  boardTopicActions.post('comments', commentBody, commentTopic);
  boardTopicActions.post('follow', followBody, (c, id, body, loc) => followTopic(c, id, body.on, loc));

  // ---- council rooms (议事厅/室, 六具备)
  recordRoutes(base, {
    path: '/api/deliberations/rooms',
    ...records,
    schema: roomSchema,
    listQuery: roomListQuery,
    list: listRooms,
    body: roomBody,
    create: createRoom,
    detail: { schema: roomSchema, get: getRoom },
    update: { body: roomPatchBody, run: patchRoom },
  });
  /** multipart/form-data with one image (JPG/PNG/WebP, ≤ 5 MB): the evidence photo of one 六具备 item. */
  const roomItemParams = z.object({ id: z.string(), code: z.string() });
  app.post(
    '/api/deliberations/rooms/:id/items/:code/photo',
    {
      config: manage,
      schema: {
        tags,
        params: roomItemParams,
        consumes: ['multipart/form-data'],
        response: { 200: roomSchema },
      },
    },
    (req) =>
      attachRoomPhoto(
        ctx(req),
        createLocalStorage(deps.config.dataDir),
        req.params.id,
        req.params.code,
        () => readPhoto(req),
        req.locale,
      ),
  );
  app.get(
    '/api/deliberations/rooms/:id/items/:code/photo',
    { config: read, schema: { tags, params: roomItemParams } },
    async (req, reply) => {
      const p = await roomPhoto(
        ctx(req),
        createLocalStorage(deps.config.dataDir),
        req.params.id,
        req.params.code,
      );
      return reply.type(p.mime).header('cache-control', 'private, max-age=300').send(p.data);
    },
  );

  // ---- conventions (村规民约 / 居民公约 / 自治章程)
  recordRoutes(base, {
    path: '/api/conventions',
    ...records,
    schema: conventionSchema,
    listQuery: conventionListQuery,
    list: (c, q, loc) => listConventions(c, q, loc),
    body: conventionBody,
    create: createConvention,
    created: conventionDetailSchema,
    detail: { schema: conventionDetailSchema, get: (c, id, loc) => getConvention(c, id, loc) },
  });
  page(
    '/api/conventions/board',
    board.access,
    conventionListQuery.omit({ orgUnitId: true }),
    conventionSchema,
    (ctx, q, locale) => listConventions(ctx, q, locale, true),
  );
  actionsOn('/api/conventions/board', board, conventionDetailSchema).get('', (c, id, loc) =>
    getConvention(c, id, loc, true),
  );
  route(
    'GET',
    '/api/conventions/:id/diff',
    read.access,
    { query: diffQuery, response: diffSchema },
    diffConvention,
  );
  const conventionActions = actionsOn('/api/conventions', manage, conventionDetailSchema);
  conventionActions.post('versions', versionBody, addVersion);
  conventionActions.post('publish', publishBody, publishConvention);
}
