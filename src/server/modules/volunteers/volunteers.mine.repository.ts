import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import type { Me, MineReaders } from '../../platform/mine';

/** My active volunteer profile's id, if I am a registered volunteer (the phone home's overview, platform/mine.ts). */
export const myActiveVolunteerId: MineReaders['volunteerId'] = async (db: Db, me: Me) => {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(
      sql`select id from volunteers where user_id = ${me.userId} and status = 'active' limit 1`,
    ),
  );
  return row?.id ?? null;
};
