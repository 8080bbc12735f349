import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  actOnApplication,
  apply,
  refuseRequest,
} from '../../server/modules/work-item-access/workItemAccess.usecases';
import { SeedClock } from './seedClock';
import type { DemoSeedDeps, DemoSeedOpts } from './seedContext';

const DAY = 86_400_000;

/**
 * Demo data of work-item access (R-AC-1, seed 001) at 下陆区, filed and decided by 下陆区民政局 (login
 * `civil`): one item admitted after consultation (trainers named, funds following), one refused as the
 * department's own duty, one routed to the purchase-of-services list, one exempt by law, and one pending
 * with its decision due 15 working days after filing (computed on the platform calendar); 铜都社区 (login
 * `luhx`) has refused a department's unlisted request. Dates are relative to the clock.
 */
export async function seedDemoWorkItemAccess(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db } = deps;
  const time = new SeedClock(deps, 60);
  const [district] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'district'), eq(orgUnits.name, '下陆区')));
  if (!district) return;
  const civil = await time.ctxOf('civil');
  if (!civil) return;
  const base = {
    orgUnitId: district.id,
    trainingStaff: [] as { name: string; post: string }[],
    fundsFen: 0,
    basisKind: 'none' as const,
  };

  // Admitted after consultation.
  const gas = await apply(civil, {
    ...base,
    department: '下陆区住房和城市更新局',
    contactName: '王建国',
    item: '城镇燃气安全入户宣传',
    content: '每季度配合开展燃气安全入户宣传，发放告知书，登记隐患并转交燃气企业处置。',
    trainingStaff: [{ name: '李明', post: '区住房和城市更新局燃气管理科科员' }],
    trainingPlan: '事项进入社区后一个月内对社区工作者集中培训一次，此后每半年一次。',
    fundsFen: 2_000_000,
    fundsNote: '每个社区每年2万元，随事项足额拨付（费随事转）。',
  });
  time.advance(2 * DAY);
  await actOnApplication(civil, gas.id, { action: 'consult', comment: '商请区委组织部、区财政局提出意见' });
  time.advance(3 * DAY);
  await actOnApplication(civil, gas.id, {
    action: 'opinion',
    department: '区委组织部',
    stance: 'agree',
    comment: '同意准入，须同步落实培训。',
  });
  await actOnApplication(civil, gas.id, {
    action: 'opinion',
    department: '区财政局',
    stance: 'conditional',
    comment: '经费纳入部门预算，按季度拨付社区。',
  });
  time.advance(5 * DAY);
  await actOnApplication(civil, gas.id, {
    action: 'approve',
    comment: '领导小组审定同意进入社区。',
    meetingRef: '下陆区社区治理工作领导小组第三次会议',
  });

  // Refused: within the department's own duties.
  time.daysAgo(40);
  const ledger = await apply(civil, {
    ...base,
    department: '下陆区市场监督管理局',
    contactName: '陈晓',
    item: '辖区餐饮门店食品安全日常检查台账',
    content: '由社区每月对辖区餐饮门店开展检查并建立台账报送。',
  });
  time.advance(6 * DAY);
  await actOnApplication(civil, ledger.id, {
    action: 'refuse',
    comment: '属市场监管部门法定职责，不得转嫁社区；社区可协助发现问题线索。',
    meetingRef: '下陆区社区治理工作领导小组第三次会议',
  });

  // Routed to the purchase-of-services list.
  time.daysAgo(35);
  const care = await apply(civil, {
    ...base,
    department: '下陆区民政局',
    item: '特殊困难老年人月探访',
    content: '对独居、空巢、失能等特殊困难老年人每月上门探访并记录。',
    trainingStaff: [{ name: '周洁', post: '区民政局养老服务股股长' }],
    fundsFen: 5_000_000,
    fundsNote: '区级养老服务资金',
  });
  time.advance(4 * DAY);
  await actOnApplication(civil, care.id, {
    action: 'route_purchase',
    comment: '专业性强，宜通过政府购买服务由社会工作服务机构承接。',
  });

  // Exempt: required by law.
  time.daysAgo(30);
  await apply(civil, {
    ...base,
    basisKind: 'law',
    basis: '《中华人民共和国兵役法》第十二条、第十三条',
    department: '下陆区人民武装部',
    item: '适龄男性公民兵役登记宣传动员',
    content: '每年兵役登记期间协助宣传动员、通知适龄青年登记。',
  });

  // Pending: filed four days ago, decision due in 15 working days.
  time.daysAgo(4);
  await apply(civil, {
    ...base,
    department: '下陆区城市管理执法局',
    contactName: '刘涛',
    item: '垃圾分类督导员日常管理',
    content: '由社区负责招募、排班和考核小区垃圾分类督导员。',
    trainingStaff: [{ name: '胡斌', post: '区城管执法局环卫科科员' }],
    fundsFen: 3_600_000,
    fundsNote: '每个社区每年3.6万元督导员补贴',
  });

  // A community refuses an unlisted request.
  const luhx = await time.ctxOf('luhx');
  const [tongdu] = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'community'),
        eq(orgUnits.name, '铜都社区'),
        like(orgUnits.path, `${district.path}%`),
      ),
    )
    .orderBy(asc(orgUnits.name));
  if (luhx && tongdu) {
    time.daysAgo(10);
    await refuseRequest(luhx, {
      communityId: tongdu.id,
      department: '下陆区市场监督管理局',
      matter: '辖区餐饮门店食品安全日常检查台账',
      requestedOn: new Date(time.at.getTime() - DAY).toISOString().slice(0, 10),
      note: '该事项未列入社区工作准入事项清单，已告知部门。',
    });
  }
  opts.log('work-item access: 5 applications, 1 community refusal');
}
