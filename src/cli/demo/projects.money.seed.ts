import { addDisbursement, addSpend, discloseFunds } from '../../server/modules/projects/projects.money';
import type { AppDeps } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';
import { publishedPilots } from './projects.milestones.seed';
import { demoUserCtx } from './seedContext';

const DAY = 86_400_000;

/**
 * Money of the demo's pilots (R-PJ-5, issue 11 §6), entered through the use cases (so audited) by the
 * subdistrict's 刘克涛: tranches from the city, the subdistrict and donations, spends with receipts against
 * the budget lines, and each pilot's fund-use statement posted on its community's 居务公开 board. The slow
 * pilot (the second) got only the first city tranche and spent past it on an overrun approval.
 */
export async function seedDemoProjectMoney(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids, pii } = deps;
  const ctx = await demoUserCtx({ db, ids, pii, clock }, 'liukt');
  if (!ctx) return;
  const pilots = await publishedPilots(db);
  const now = clock.now().getTime();
  const day = (from: Date, d: number) => chinaDate(new Date(Math.min(now, from.getTime() + d * DAY)));
  let spends = 0;
  for (const [pi, { a }] of pilots.entries()) {
    const from = a.decidedAt ?? new Date(now - 200 * DAY);
    const plan = (s: string) => a.funding.find((f) => f.source === s)?.amountFen ?? 0;
    const city = plan('city');
    const firstCity = Math.round(city / 2);
    const slow = pi === 1;
    await addDisbursement(ctx, a.id, {
      source: 'city',
      receivedOn: day(from, 20),
      amountFen: firstCity,
      note: '市级补助第一笔',
    });
    await addDisbursement(ctx, a.id, {
      source: 'subdistrict',
      receivedOn: day(from, 30),
      amountFen: plan('subdistrict'),
      note: '街道配套补助',
    });
    if (!slow) {
      await addDisbursement(ctx, a.id, {
        source: 'donation',
        receivedOn: day(from, 60),
        amountFen: plan('donation'),
        note: '辖区企业慈善捐赠',
      });
      await addDisbursement(ctx, a.id, {
        source: 'city',
        receivedOn: day(from, 150),
        amountFen: city - firstCity,
        note: '市级补助第二笔',
      });
    }
    const [l0, l1, l2] = a.budgetLines;
    if (!l0 || !l1 || !l2) continue;
    const received = firstCity + plan('subdistrict') + (slow ? 0 : plan('donation') + city - firstCity);
    // Within what was received: most of the works, the activities, the training.
    const entries: [string, number, number, string][] = [
      [l0.item, 35, Math.round(l0.amountFen * 0.6), '场地改造工程款'],
      [l1.item, 70, Math.round(l1.amountFen * 0.4), '主题活动物料'],
      [l2.item, 90, Math.round(l2.amountFen * 0.5), '志愿者培训及意外险'],
      [l0.item, 160, Math.round(l0.amountFen * 0.3), '设施设备购置'],
    ];
    let spent = 0;
    for (const [k, [line, d, amountFen, note]] of entries.entries()) {
      if (spent + amountFen > received) break;
      spent += amountFen;
      await addSpend(ctx, a.id, {
        line,
        spentOn: day(from, d),
        amountFen,
        receiptRef: `FP${chinaDate(from).slice(0, 4)}-${String(pi + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`,
        note,
      });
      spends++;
    }
    if (slow) {
      // The equipment arrived before the second city tranche: paid on the subdistrict's overrun approval.
      await addSpend(ctx, a.id, {
        line: l0.item,
        spentOn: day(from, 165),
        amountFen: received - spent + 800_000,
        receiptRef: `FP${chinaDate(from).slice(0, 4)}-0299`,
        note: '驿站设备尾款',
        overrun: {
          approvedBy: '新下陆街道党工委书记 刘克涛',
          reason: '市级第二笔补助尚未拨付，设备已验收须按合同付款，待补助到位后冲抵',
        },
      });
      spends++;
    }
    await discloseFunds(ctx, a.id);
  }
  opts.log(`project money: ${pilots.length} pilots, ${spends} spends, fund use disclosed`);
}
