import type { AppDeps } from '../../server/platform/context';

/** Demo data of the merchants module; runs after the org tree, people and work orders exist. */
export async function seedDemoMerchants(
  _deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  _opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {}
