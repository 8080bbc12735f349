import { and, asc, desc, eq, isNull, like, lte } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { certCatalogue } from '../../server/modules/certificates/certificates.table';
import { requestCertificate } from '../../server/modules/certificates/certificates.usecases';
import { residents } from '../../server/modules/residents/residents.table';
import { createOrder } from '../../server/modules/services/services.orders';
import { svSurveys } from '../../server/modules/surveys/surveys.table';
import { enterPaperResponse } from '../../server/modules/surveys/surveys.usecases';
import { intake } from '../../server/modules/work-orders/work-orders.api';
import type { AppDeps } from '../../server/platform/context';
import { inScope } from '../../server/platform/permissions';
import type { ProxyBody } from '../../shared/contracts/proxy';
import { demoUserCtx, tongduCommunity } from './seedContext';

const MINUTE = 60_000;

/**
 * Demo data of 帮办代办 (seed 003 task 16, platform/proxy.ts): in 铜都社区 the grid worker `grid1` (or the
 * community worker `tongdu` when her home lies in another grid) files a request for 王秀英 (`jumin`, living
 * alone) who phoned in; the community worker orders 代买药品 for her in person, the volunteer `zhiyuan` orders
 * a companion visit for an elderly neighbour; `luhx` issues a residence certificate for 王秀英 on a written
 * authorisation, and a grid worker fills in her satisfaction survey at her door. Every act goes through the
 * use cases (consent checked, audited); `jumin` sees hers on /m/requests and /m/orders with 由某某代办.
 */
export async function seedDemoProxy(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids, pii } = deps;
  const now = deps.clock.now();
  const clock = { now: () => deps.clock.now() };
  const ctxOf = (username: string) => demoUserCtx({ db, ids, pii, clock }, username);
  const [jumin] = await db.select().from(users).where(eq(users.username, 'jumin'));
  const tongdu = await tongduCommunity(db);
  const [grid1, tongduWorker, luhx, zhiyuan] = await Promise.all([
    ctxOf('grid1'),
    ctxOf('tongdu'),
    ctxOf('luhx'),
    ctxOf('zhiyuan'),
  ]);
  if (!jumin?.residentId || !tongdu || !tongduWorker) {
    opts.log('proxy demo: skipped (no jumin, 铜都社区 or its worker)');
    return;
  }
  const [wang] = await db.select().from(residents).where(eq(residents.id, jumin.residentId));
  if (!wang) return;
  const consent = (
    method: 'in_person' | 'phone' | 'written',
    minutesAgo: number,
    note?: string,
    ref?: string,
  ) => ({
    method,
    note: note ?? null,
    attachmentRef: ref ?? null,
    at: new Date(now.getTime() - minutesAgo * MINUTE),
  });
  const forWang = (c: ProxyBody['consent']): ProxyBody => ({ principalResidentId: wang.id, consent: c });
  let made = 0;
  const attempt = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
      made++;
    } catch (e) {
      opts.log(`proxy demo: ${what} skipped (${e instanceof Error ? e.message : String(e)})`);
    }
  };

  // A request for 王秀英, by the grid worker over her home (else the community worker).
  const gridWorker = grid1 && inScope(grid1.actor, 'work_orders.intake', wang.orgPath) ? grid1 : tongduWorker;
  await attempt('request', () =>
    intake(
      gridWorker,
      {
        kind: 'help',
        channel: 'hotline',
        categoryCode: 'street_lamp',
        description: '王奶奶独居，楼道灯坏了一个多星期，晚上下楼看不清台阶，担心摔倒，请尽快修理。',
        requesterName: null,
        attachmentIds: [],
        proxy: forWang(consent('phone', 90, '王奶奶独居、腿脚不便，来电委托网格员代为反映')),
      },
      { channel: 'hotline' },
    ),
  );
  // A service ordered for her in person by the community worker.
  await attempt('service order', () =>
    createOrder(tongduWorker, {
      communityId: tongdu.id,
      title: '代买降压药',
      category: 'errand',
      description: '每月一次，到社区卫生服务站代买降压药并送到家。',
      forSelf: false,
      payWithTime: false,
      preferredAt: new Date(now.getTime() + 2 * 86_400_000),
      proxy: forWang(consent('in_person', 240, '入户走访时王奶奶当面委托')),
    }),
  );
  // The volunteer orders a companion visit for another elderly resident of 铜都社区 (phoned in).
  const [elder] = await db
    .select()
    .from(residents)
    .where(
      and(
        eq(residents.communityId, tongdu.id),
        isNull(residents.deletedAt),
        lte(residents.birthDate, '1945-12-31'),
        like(residents.orgPath, `${tongdu.path}%`),
      ),
    )
    .orderBy(asc(residents.birthDate))
    .limit(1);
  if (zhiyuan && elder)
    await attempt('volunteer order', () =>
      createOrder(zhiyuan, {
        communityId: tongdu.id,
        title: '陪同就医',
        category: 'companionship',
        description: '周四上午陪同到区医院复查，需轮椅。',
        forSelf: false,
        payWithTime: false,
        proxy: {
          principalResidentId: elder.id,
          consent: consent('phone', 30, '老人来电请志愿者帮忙预约陪诊'),
        },
      }),
    );
  // A residence certificate on her written authorisation.
  const [residence] = await db
    .select()
    .from(certCatalogue)
    .where(eq(certCatalogue.name, '居住情况证明'))
    .limit(1);
  const issuer = luhx ?? tongduWorker;
  if (residence)
    await attempt('certificate', () =>
      requestCertificate(issuer, {
        communityId: tongdu.id,
        catalogueId: residence.id,
        requesterKind: 'resident',
        requesterName: wang.name,
        subjectName: wang.name,
        purpose: '办理高龄津贴',
        content: `兹证明${wang.name}系本社区居民，现独居于本社区。`,
        withinRequesterDuty: false,
        jointLiability: false,
        proxy: forWang(consent('written', 60 * 26, '王奶奶签字的授权委托书已扫描存档', '授权书2026-017')),
      }),
    );
  // Her satisfaction survey, filled in at her door.
  const [survey] = await db
    .select()
    .from(svSurveys)
    .where(and(eq(svSurveys.orgUnitId, tongdu.id), eq(svSurveys.status, 'published')))
    .orderBy(desc(svSurveys.createdAt))
    .limit(1);
  if (survey)
    await attempt('survey answer', () =>
      enterPaperResponse(gridWorker, survey.id, {
        answers: Object.fromEntries(
          survey.questions.map((q) => [
            q.key,
            q.kind === 'single'
              ? 0
              : q.kind === 'multiple'
                ? [0]
                : q.kind === 'rating'
                  ? q.scale!.max
                  : q.kind === 'matrix'
                    ? q.rows.map(() => q.scale!.max)
                    : null,
          ]),
        ) as never,
        proxy: forWang(consent('in_person', 20, '入户时王奶奶口述，网格员代填')),
      }),
    );
  opts.log(`proxy demo: ${made} records made on residents' behalf (帮办代办)`);
}
