import { type DemoSeedDeps, demoUserCtx } from './seedContext';

const DAY = 86_400_000;

/**
 * The clock a demo seed writes its story on: `at` starts `daysBack` days before the app's clock (`real`) and the seed
 * moves it as the story goes; `ctxOf(username)` is that demo user's use-case context on this clock.
 */
export class SeedClock {
  readonly real: Date;
  at: Date;
  readonly clock = { now: () => new Date(this.at) };

  constructor(
    private readonly deps: DemoSeedDeps,
    daysBack: number,
  ) {
    this.real = deps.clock.now();
    this.at = new Date(this.real.getTime() - daysBack * DAY);
  }

  /** Sets the clock `days` days before the app's. */
  daysAgo(days: number) {
    this.at = new Date(this.real.getTime() - days * DAY);
  }

  /** Moves the clock on by `ms` milliseconds. */
  advance(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }

  readonly ctxOf = (username: string) => demoUserCtx({ ...this.deps, clock: this.clock }, username);
}
