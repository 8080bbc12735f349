import { afterAll, beforeAll } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import type { Fixture } from '../../../test/factories';
import type { Role } from '../../shared/permissions';

/**
 * A seed test file's one test app, made before its tests with the demo logins the seed acts as (username →
 * one role at a fixture unit) and closed after them; call the answer inside a test for the app.
 */
export function seedTestApp(logins: (fx: Fixture) => Record<string, [role: Role, orgUnitId: string]>) {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp();
    for (const [username, [role, orgUnitId]] of Object.entries(logins(t.fx)))
      await createUser(t, username, [{ role, orgUnitId }]);
  });
  afterAll(() => t?.close());
  return () => t!;
}
