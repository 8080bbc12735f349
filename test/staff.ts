import type { Client, TestApp } from './app';

/**
 * Signs in the fixture's three staff logins most module tests act as, in this order: the subdistrict's
 * admin (`sd_admin`), 铜都社区's worker (`tongdu_worker`) and 西花苑社区's (`xhy_worker`).
 */
export async function signInStaff(t: TestApp): Promise<{ sd: Client; tongdu: Client; xhy: Client }> {
  const sd = await t.as('sd_admin');
  const tongdu = await t.as('tongdu_worker');
  const xhy = await t.as('xhy_worker');
  return { sd, tongdu, xhy };
}
