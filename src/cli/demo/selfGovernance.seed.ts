import {
  createBody,
  createElection,
  createPosition,
  createReview,
  vacatePosition,
} from '../../server/modules/self-governance/selfGovernance.usecases';
import { SURNAMES } from './names';
import type { DemoSeedDeps } from './seedContext';
import { xinxialuSeedStart } from './xinxialuSeed';

const GIVEN = [
  '红霞',
  '志刚',
  '海燕',
  '国强',
  '丽萍',
  '建军',
  '春梅',
  '立新',
  '晓东',
  '秀芳',
  '文斌',
  '美玲',
  '德胜',
  '翠兰',
];

/**
 * Demo self-governance bodies (issue 16 §3; seed 002 三(一)1–2, 三(三)9; seed 004 Ⅱ-2): in each of the 12
 * Xinxialu communities the party committee and the residents' committee with their posts (the community's
 * demo secretary as party secretary), the affairs-supervision committee (missing in two communities: flagged)
 * and the 环境和物业管理委员会 under the residents' committee; residents' groups with leaders and
 * representatives in three communities; in 铜都社区 and 西花苑社区, the deliberation carriers residents form (seed 003
 * 三(一)2 and 三(一)4, S003-09/S003-22): a 议事会 and a 评议会, and 铜都社区's 理事会 and 监督小组 of an old
 * compound's renovation. 铜都社区's secretary is also the director (一肩挑). 西花苑社区's deputy
 * director left 80 days ago and was replaced by a by-election 20 days ago; a member's post in 孔雀苑社区 has
 * been vacant 45 days (the workbench's to-do). The 2021 general elections (居委会直接选举; 陆家铺 was elected by
 * household representatives: flagged), topic training and performance reviews of the two committees.
 */
export async function seedDemoSelfGovernance(
  deps: DemoSeedDeps,
  opts: { log: (line: string) => void },
): Promise<void> {
  const start = await xinxialuSeedStart(deps);
  if (!start) return;
  const { admin, communities, year, daysAgo } = start;
  let p = 0;
  const person = () => {
    p++;
    return `${SURNAMES[(p * 11) % SURNAMES.length]}${GIVEN[p % GIVEN.length]}`;
  };
  const term = { termStart: '2021-06-01', termEnd: '2026-05-31' };
  let bodies = 0;
  let posts = 0;
  for (const [ci, c] of communities.entries()) {
    const secretary = person();
    const add = async (
      bodyId: string,
      post: Parameters<typeof createPosition>[2]['post'],
      name = person(),
    ) => {
      posts++;
      return createPosition(admin, bodyId, { post, personName: name });
    };
    const party = await createBody(admin, {
      communityId: c.id,
      kind: 'party_committee',
      name: `中共${c.name}委员会`,
      ...term,
    });
    const rc = await createBody(admin, {
      communityId: c.id,
      kind: 'residents_committee',
      name: `${c.name}居民委员会`,
      ...term,
    });
    bodies += 2;
    await add(party.id, 'secretary', secretary);
    await add(party.id, 'deputy_secretary');
    for (let m = 0; m < 3; m++) await add(party.id, 'member');
    const director = ci === 0 ? secretary : person(); // 铜都社区: 一肩挑
    await add(rc.id, 'director', director);
    const deputy = await add(rc.id, 'deputy_director');
    let member = rc;
    for (let m = 0; m < 3; m++) member = await add(rc.id, 'member');
    if (ci !== 5 && ci !== 9) {
      const sup = await createBody(admin, {
        communityId: c.id,
        kind: 'supervision_committee',
        name: `${c.name}居务监督委员会`,
        ...term,
      });
      bodies++;
      await add(sup.id, 'chair');
      await add(sup.id, 'member');
      await add(sup.id, 'member');
    }
    const env = await createBody(admin, {
      communityId: c.id,
      kind: 'sub_committee',
      name: '环境和物业管理委员会',
      parentId: rc.id,
      ...term,
    });
    bodies++;
    await add(env.id, 'chair');
    await add(env.id, 'member');
    if (ci < 3)
      for (let g = 1; g <= 2; g++) {
        const group = await createBody(admin, {
          communityId: c.id,
          kind: 'residents_group',
          name: `第${g === 1 ? '一' : '二'}居民小组`,
          ...term,
        });
        bodies++;
        await add(group.id, 'group_leader');
        for (let r = 0; r < 3; r++) await add(group.id, 'representative');
      }
    if (ci < 2) {
      // Seed 003 三(一)2 (S003-09): 发动群众组建评议会、议事会; 三(一)4 (S003-22): 理事会、评议会、监督小组.
      const carriers: [Parameters<typeof createBody>[1]['kind'], string][] = [
        ['deliberation_council', `${c.name}居民议事会`],
        ['evaluation_council', `${c.name}居民评议会`],
      ];
      if (c.name === '铜都社区')
        carriers.push(
          ['trustee_council', '老旧小区改造居民理事会'],
          ['supervision_group', '加装电梯居民监督小组'],
        );
      for (const [kind, name] of carriers) {
        const carrier = await createBody(admin, { communityId: c.id, kind, name, termStart: daysAgo(200) });
        bodies++;
        await add(carrier.id, 'chair');
        for (let m = 0; m < 4; m++) await add(carrier.id, 'member');
      }
    }
    // The 2021 general election of the residents' committee (seed 004 Ⅱ-2: 居委会实行直接选举).
    const electorate = 2600 + ci * 310;
    await createElection(admin, {
      bodyId: rc.id,
      kind: 'general',
      method: c.name === '陆家铺社区' ? 'household_representative' : 'direct',
      heldOn: `2021-05-${String(15 + (ci % 10)).padStart(2, '0')}`,
      electorate,
      ballotsCast: Math.round(electorate * (0.78 + (ci % 4) * 0.04)),
      results: [{ name: director, post: 'director', votes: Math.round(electorate * 0.7), elected: true }],
    });
    if (ci === 1) {
      // 西花苑: the deputy director left; a by-election filled the post (补选, seed 002 三(一)1).
      const post = deputy.positions.find((x) => x.post === 'deputy_director')!;
      await vacatePosition(admin, post.id, { openedOn: daysAgo(80), reason: '工作调动' });
      await createElection(admin, {
        bodyId: rc.id,
        kind: 'by_election',
        method: 'direct',
        heldOn: daysAgo(20),
        electorate,
        ballotsCast: Math.round(electorate * 0.71),
        positionId: post.id,
        results: [
          { name: person(), post: 'deputy_director', votes: Math.round(electorate * 0.52), elected: true },
          { name: person(), post: 'deputy_director', votes: Math.round(electorate * 0.16), elected: false },
        ],
        note: '居民委员会成员出缺，由居民会议补选。',
      });
    }
    if (ci === 2) {
      // 孔雀苑: a member's post vacant for 45 days (the workbench's to-do).
      const post = member.positions.filter((x) => x.post === 'member').at(-1)!;
      await vacatePosition(admin, post.id, { openedOn: daysAgo(45), reason: '辞职' });
    }
    // Seed 002 三(三)9: training and reviews of the two committees.
    await createReview(admin, {
      communityId: c.id,
      bodyId: party.id,
      kind: 'training',
      form: ci % 2 === 0 ? 'topic' : 'study_tour',
      heldOn: daysAgo(60 + ci * 3),
      title: ci % 2 === 0 ? '“两委”干部基层治理专题培训' : '赴武汉市江岸区考察社区治理',
      participants: 9 + (ci % 4),
    });
    if (ci < 8)
      await createReview(admin, {
        communityId: c.id,
        bodyId: party.id,
        kind: 'review',
        form: 'performance',
        heldOn: daysAgo(30 + ci),
        title: `${year}年度“两委”班子履职践诺评估`,
        personName: secretary,
        result: ci === 6 ? 'basically_competent' : ci % 3 === 0 ? 'excellent' : 'competent',
        score: ci === 6 ? 72 : 85 + (ci % 3) * 4,
      });
  }
  opts.log(`self-governance: ${bodies} bodies, ${posts} posts in ${communities.length} communities`);
}
