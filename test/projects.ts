import { eq } from 'drizzle-orm';
import { users } from '../src/server/modules/accounts/accounts.table';
import type { Client, TestApp } from './app';
import { multipart } from './multipart';

/**
 * R-PJ-2: an application is sent only with the record its consultation rests on; tests that only need a
 * sendable application attach uploaded minutes (a small PDF) as that record.
 */
export async function attachMinutes(c: Client, applicationId: string): Promise<void> {
  const res = await c.request({
    method: 'POST',
    url: `/api/projects/applications/${applicationId}/consultation/minutes`,
    ...multipart({ title: '居民代表会议纪要' }, { name: '纪要.pdf', data: Buffer.from('%PDF-1.4\n%test\n') }),
  });
  if (res.statusCode !== 200) throw new Error(`attachMinutes: ${res.statusCode} ${res.body}`);
}

/** A login's user id (to name a reviewer in an assignment). */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}
