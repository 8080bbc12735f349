import {
  TOPIC_STATES,
  type TopicAction,
  type TopicActionBody,
  type TopicState,
} from '../../../shared/contracts/deliberation';
import { AppError } from '../../platform/errors';
import { notify } from '../notifications/notifications.api';
import { defineWorkflow } from '../../platform/workflow';
import { topicsPolicy } from './participation.policy';
import { type TopicRow, followersOf, insertTopicEvent, replaceParticipants } from './topics.repository';
import { ptTopics } from './participation.table';

/** The input of a step: the body, with participants already resolved against the registry. */
export type TopicStepInput = TopicActionBody & {
  resolved?: { kind: string; refId: string | null; name: string }[];
};

const manage = 'participation.manage' as const;

/** The step a topic has reached, as the follower's message names it. */
const STEP_NAMES: Record<'zh-CN' | 'en', Record<TopicState, string>> = {
  'zh-CN': {
    proposed: '提出议题',
    participants: '确定参与主体',
    announced: '公示议题',
    consulted: '组织协商',
    implemented: '落实协商成果',
    reported: '反馈结果',
  },
  en: {
    proposed: 'topic proposed',
    participants: 'participants determined',
    announced: 'announced',
    consulted: 'consultation held',
    implemented: 'outcome implemented',
    reported: 'results reported back',
  },
};

/**
 * A topic's six steps (R-DL-2, seed 003): the proposal is step 1 (the topic's creation); each action here
 * completes the next step from the one before it only, so no step is skipped (a skipped step answers 409),
 * and each writes its record (note, participants, meeting) to the timeline and the audit log.
 */
export const topicWorkflow = defineWorkflow<TopicState, TopicRow, TopicAction, TopicStepInput>({
  name: 'participation.topic',
  states: TOPIC_STATES,
  transitions: {
    set_participants: {
      from: ['proposed'],
      to: 'participants',
      permission: manage,
      guard: (_t, input) => {
        if (!input.resolved?.length) throw new AppError('participation.topic_participants', 422);
      },
    },
    announce: { from: ['participants'], to: 'announced', permission: manage },
    consult: { from: ['announced'], to: 'consulted', permission: manage },
    implement: { from: ['consulted'], to: 'implemented', permission: manage },
    report: { from: ['implemented'], to: 'reported', permission: manage },
  },
  authorize: (actor, t) => topicsPolicy.can(actor, 'manage', t),
  prepare: (t, action, input, ctx) => {
    const effects =
      action === 'set_participants'
        ? [
            (tx: Parameters<typeof replaceParticipants>[0]) =>
              replaceParticipants(
                tx,
                t.id,
                (input.resolved ?? []).map((p) => ({
                  id: ctx.ids(),
                  topicId: t.id,
                  kind: p.kind,
                  refId: p.refId,
                  name: p.name,
                  createdAt: ctx.clock.now(),
                })),
              ),
          ]
        : [];
    return {
      patch: action === 'consult' && input.meetingId ? { meetingId: input.meetingId } : {},
      event: { note: input.note, meetingId: action === 'consult' ? (input.meetingId ?? null) : null },
      data: action === 'set_participants' ? { participants: input.resolved?.length ?? 0 } : {},
      effects,
    };
  },
  adapter: {
    table: ptTopics,
    id: ptTopics.id,
    state: ptTopics.state,
    version: ptTopics.version,
    updatedAt: ptTopics.updatedAt,
    writeEvent: (tx, ctx, e) =>
      insertTopicEvent(tx, {
        id: ctx.ids(),
        topicId: e.record.id,
        action: e.action,
        fromState: e.from,
        toState: e.to,
        note: String(e.event.note ?? ''),
        meetingId: (e.event.meetingId as string | null | undefined) ?? null,
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.displayName ?? null,
        at: ctx.clock.now(),
      }),
    audit: (e) => ({
      action: `participation.topic.${e.action}`,
      entityType: 'pt_topic',
      entityId: e.record.id,
      orgPath: e.record.orgPath,
      before: { state: e.from },
      after: { state: e.to, ...e.data },
    }),
  },
  /** Residents following the topic are told of each step it moves (the actor who moved it is left out). */
  afterTransition: async (tx, ctx, e) => {
    const users = (await followersOf(tx, e.record.id)).map((f) => f.userId);
    if (!users.length) return;
    await notify(tx, ctx, {
      event: 'participation.topic_step',
      params: { title: e.record.title, step: STEP_NAMES['zh-CN'][e.to], stepEn: STEP_NAMES.en[e.to] },
      link: `/m/topics/${e.record.id}`,
      users,
    });
  },
  errors: {
    invalidTransition: () => new AppError('participation.topic_step_order', 409),
  },
});
