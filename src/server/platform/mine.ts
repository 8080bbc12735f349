import type { MeOverviewDto } from '../../shared/contracts/accounts';
import type { Db } from './db';

/**
 * The caller's own rows that the phone home's overview shows (GET /api/me/overview, in accounts), each read by
 * the module that holds them: accounts lies below work orders, services, volunteers and the ledger (they import
 * accounts.api), so it cannot import them; instead each declares its reader in `defineModule({ mine })` and
 * accounts asks `mineReaders()` (platform/offerings.ts). Every reader is keyed by `me` only, the session's own
 * user (and their phone's blind index and registry record), never by anything from the request.
 */
export interface Me {
  userId: string;
  /** The blind index of the user's phone: orders filed anonymously with it are theirs too. */
  phoneHash: string | null;
  /** The user's own registry record: orders staff or volunteers filed for them (帮办代办). */
  residentId: string | null;
}

/** A page head of my rows: how many, and the latest `limit`. */
export interface MyLatest<T> {
  total: number;
  items: T[];
}

export interface MineReaders {
  /** The work orders I filed (logged in or with my phone) and those filed for me, newest first (work-orders). */
  requests(db: Db, me: Me, limit: number): Promise<MyLatest<MeOverviewDto['requests']['items'][number]>>;
  /** The service orders I placed and those placed for me, newest first (services). */
  serviceOrders(
    db: Db,
    me: Me,
    limit: number,
  ): Promise<MyLatest<MeOverviewDto['serviceOrders']['items'][number]>>;
  /** My active volunteer profile's id, if I am a registered volunteer (volunteers). */
  volunteerId(db: Db, me: Me): Promise<string | null>;
  /** My love points and time-bank minutes, null where I hold no such account (ledger). */
  balances(db: Db, me: Me): Promise<{ points: number | null; minutes: number | null }>;
}

/** The readers' names, to check that each is offered by exactly one module. */
export const MINE_READERS = [
  'requests',
  'serviceOrders',
  'volunteerId',
  'balances',
] as const satisfies readonly (keyof MineReaders)[];
