import { and, eq, inArray, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  pjDoorstepProjects,
  pjDoorstepRatings,
  pjDoorstepRecords,
} from '../../server/modules/projects/projects.table';
import type { AppDeps } from '../../server/platform/context';
import { maskName } from '../../server/platform/proxy';
import { firstRow } from '../../server/platform/firstRow';

const DAY = 86_400_000;

/** Residents of the demo communities rating (masked names only are stored). */
const RATERS = ['王秀英', '李建国', '陈美华', '张志强', '刘桂兰', '徐阿毛'];
const COMMENTS: (string | null)[] = [
  '服务很贴心，希望能长期坚持',
  '时间安排合理，老人们都很喜欢',
  null,
  '建议周末也能开放',
  '志愿者很热情',
  null,
];

/**
 * Demo ratings of seed 004's doorstep projects (三(三): residents as evaluators): every Zhoushan project in
 * 项目实施 gets 3–6 residents' ratings; the 北园 resident `beiyuanjm` rated the first of 北园's and can still
 * rate the others on the phone. Runs after seedDemoDoorstepProjects.
 */
export async function seedDemoDoorstepRatings(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids } = deps;
  const city = await firstRow(db, orgUnits, and(eq(orgUnits.kind, 'city'), eq(orgUnits.name, '舟山市')));
  if (!city) return;
  const done = await db
    .select({ projectId: pjDoorstepRecords.projectId })
    .from(pjDoorstepRecords)
    .where(
      and(
        eq(pjDoorstepRecords.kind, 'stage'),
        eq(pjDoorstepRecords.stage, 'implementation'),
        like(pjDoorstepRecords.orgPath, `${city.path}%`),
      ),
    );
  if (done.length === 0) return;
  const projects = await db
    .select()
    .from(pjDoorstepProjects)
    .where(
      inArray(
        pjDoorstepProjects.id,
        done.map((d) => d.projectId),
      ),
    )
    .orderBy(pjDoorstepProjects.orgPath, pjDoorstepProjects.createdAt);
  const [jm] = await db.select().from(users).where(eq(users.username, 'beiyuanjm'));
  const [beiyuan] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.name, '北园社区'), like(orgUnits.path, `${city.path}%`)));
  const now = clock.now().getTime();
  let n = 0;
  let jmRated = false;
  for (const [pi, p] of projects.entries()) {
    const raters = 3 + (pi % 4);
    for (let i = 0; i < raters; i++) {
      const at = new Date(now - (i + 1 + pi) * 2 * DAY);
      await db.insert(pjDoorstepRatings).values({
        id: ids(),
        projectId: p.id,
        orgPath: p.orgPath,
        userId: ids(),
        raterMasked: maskName(RATERS[(pi + i) % RATERS.length]!),
        stars: [5, 4, 5, 3, 4, 5][(pi + i) % 6]!,
        comment: COMMENTS[(pi * 2 + i) % COMMENTS.length] ?? null,
        createdAt: at,
        updatedAt: at,
      });
      n += 1;
    }
    if (jm && beiyuan && p.orgUnitId === beiyuan.id && !jmRated) {
      const at = new Date(now - DAY);
      await db.insert(pjDoorstepRatings).values({
        id: ids(),
        projectId: p.id,
        orgPath: p.orgPath,
        userId: jm.id,
        raterMasked: maskName(jm.displayName),
        stars: 5,
        comment: '饭菜可口，送餐准时',
        createdAt: at,
        updatedAt: at,
      });
      jmRated = true;
      n += 1;
    }
  }
  opts.log(`projects: ${n} residents' ratings of ${projects.length} doorstep projects in 项目实施`);
}
