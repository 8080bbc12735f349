import {
  createCatalogueItem,
  requestCertificate,
  recordSealUse,
} from '../../server/modules/certificates/certificates.usecases';
import { AppError } from '../../server/platform/errors';
import type { CertificateRequestBody } from '../../shared/contracts/certificates';
import { SeedClock } from './seedClock';
import { type DemoSeedDeps, type DemoSeedOpts, tongduCommunity, xinxialuSubdistrict } from './seedContext';

const ORG_LAW = '中华人民共和国城市居民委员会组织法';

/** A dozen matters a community may certify, each with the clause that assigns it (R-AC-2). */
const CATALOGUE: [string, string, string][] = [
  ['居住情况证明', ORG_LAW, '第三条第（二）项'],
  ['民间纠纷调解情况说明', ORG_LAW, '第三条第（三）项'],
  ['协助维护社会治安情况说明', ORG_LAW, '第三条第（四）项'],
  ['优抚对象生活情况证明', ORG_LAW, '第三条第（五）项'],
  ['困难残疾人生活情况核实', ORG_LAW, '第三条第（五）项'],
  ['最低生活保障家庭情况核实', '社会救助暂行办法', '第十一条'],
  ['特困人员供养申请情况说明', '社会救助暂行办法', '第十五条'],
  ['未成年人监护人担任同意意见', '中华人民共和国民法典', '第二十七条第二款第（三）项'],
  ['成年人监护人担任同意意见', '中华人民共和国民法典', '第二十八条第（四）项'],
  ['监护人指定', '中华人民共和国民法典', '第三十一条第一款'],
  ['人民调解协议书', '中华人民共和国人民调解法', '第二十八条'],
  ['青少年教育帮扶情况说明', ORG_LAW, '第三条第（五）项'],
];

/**
 * Demo data of the certificates module (R-AC-2): 新下陆街道's catalogue of a dozen matters with their
 * clauses (login `liukt`); 铜都社区 (login `luhx`) issued certificates — from the catalogue and on a clause
 * an asking body supplied — and refused three (no clause, the asking body's own duty, a loan guarantee);
 * its seal log has ordinary uses and a refused guarantee. Dates relative to the clock.
 */
export async function seedDemoCertificates(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db } = deps;
  const time = new SeedClock(deps, 45);
  const sd = await xinxialuSubdistrict(db);
  const tongdu = await tongduCommunity(db);
  const liukt = await time.ctxOf('liukt');
  const luhx = await time.ctxOf('luhx');
  if (!sd || !tongdu || !liukt || !luhx) return;
  const items = new Map<string, string>();
  for (const [i, [name, lawName, clause]] of CATALOGUE.entries()) {
    const r = await createCatalogueItem(liukt, { orgUnitId: sd.id, name, lawName, clause, sort: i + 1 });
    items.set(name, r.id);
  }
  const issue = async (
    daysAgo: number,
    body: Omit<CertificateRequestBody, 'communityId' | 'withinRequesterDuty' | 'jointLiability'> &
      Partial<CertificateRequestBody>,
  ) => {
    time.daysAgo(daysAgo);
    try {
      await requestCertificate(luhx, {
        withinRequesterDuty: false,
        jointLiability: false,
        ...body,
        communityId: tongdu.id,
      });
    } catch (e) {
      // A refusal is registered, then answered 422: that is the point of these rows.
      if (!(e instanceof AppError && e.status === 422)) throw e;
    }
  };
  await issue(30, {
    catalogueId: items.get('居住情况证明'),
    requesterKind: 'resident',
    requesterName: '张建华',
    subjectName: '张建华',
    purpose: '办理子女就近入学',
    content: '系本社区居民，自2018年3月起居住在铜都社区新冶小区3栋。',
  });
  await issue(21, {
    catalogueId: items.get('最低生活保障家庭情况核实'),
    requesterKind: 'unit',
    requesterName: '新下陆街道社会事务办',
    requestingBody: '新下陆街道社会事务办',
    subjectName: '王秀英',
    purpose: '最低生活保障申请审核',
    content: '经入户调查，其家庭共同生活成员2人，无固定收入，情况属实。',
  });
  await issue(14, {
    requesterKind: 'unit',
    requesterName: '下陆区人力资源和社会保障局',
    requestingBody: '下陆区人力资源和社会保障局',
    citedClause: '《工伤保险条例》第十九条',
    itemName: '工伤事故发生情况证明',
    subjectName: '刘志强',
    purpose: '工伤认定调查核实',
    content: '于2026年10月在社区公共区域维修作业时受伤，社区工作人员当日到场。',
  });
  await issue(10, {
    requesterKind: 'unit',
    requesterName: '某商业银行下陆支行',
    requestingBody: '某商业银行下陆支行',
    itemName: '个人收入及还款能力证明',
    subjectName: '陈明',
    purpose: '个人经营贷款审批',
    content: '证明其具备按期还款能力，如不能还款由社区协助追偿。',
    jointLiability: true,
  });
  await issue(7, {
    requesterKind: 'unit',
    requesterName: '下陆区某派出所',
    requestingBody: '下陆区某派出所',
    itemName: '无违法犯罪记录证明',
    subjectName: '李婷',
    purpose: '入职审查',
    content: '证明其无违法犯罪记录。',
    withinRequesterDuty: true,
  });
  await issue(3, {
    requesterKind: 'resident',
    requesterName: '赵丽',
    itemName: '亲属关系证明',
    subjectName: '赵丽',
    purpose: '办理继承手续',
    content: '证明其与赵国栋系父女关系。',
  });
  const seal = async (daysAgo: number, body: Parameters<typeof recordSealUse>[1]) => {
    time.daysAgo(daysAgo);
    try {
      await recordSealUse(luhx, body);
    } catch (e) {
      // refused uses are logged, then answered 422
      if (!(e instanceof AppError && e.status === 422)) throw e;
    }
  };
  await seal(25, {
    communityId: tongdu.id,
    document: '铜都社区居务公开（2026年第三季度）',
    purpose: '公开栏张贴',
    legalBasis: `《${ORG_LAW}》第十条`,
    requester: '铜都社区居委会',
    jointLiability: false,
  });
  await seal(12, {
    communityId: tongdu.id,
    document: '居民个人创业贷款担保书',
    purpose: '为居民向银行贷款提供担保',
    requester: '某农村商业银行',
    jointLiability: true,
  });
  await seal(5, {
    communityId: tongdu.id,
    document: '铜都社区共建共享项目申报书',
    purpose: '报送街道审核',
    legalBasis: '下陆区民政局2027年共建共享社区治理项目申报通知',
    requester: '铜都社区居委会',
    jointLiability: false,
  });
  opts.log(`certificates: ${CATALOGUE.length} catalogue items, 6 requests, 3 seal uses`);
}
