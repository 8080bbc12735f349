import type { Db } from '../../platform/db';
import type { Me, MineReaders } from '../../platform/mine';
import { activeVolunteerRowOfUser } from './volunteers.repository';

/** My active volunteer profile's id, if I am a registered volunteer (the phone home's overview, platform/mine.ts). */
export const myActiveVolunteerId: MineReaders['volunteerId'] = async (db: Db, me: Me) =>
  (await activeVolunteerRowOfUser(db, me.userId))?.id ?? null;
