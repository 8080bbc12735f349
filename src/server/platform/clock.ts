import { v7 } from 'uuid';

/** Time and ids are injected so tests control both (DESIGN convention 9). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can move. */
export class ManualClock implements Clock {
  constructor(private current = new Date('2026-11-23T09:00:00+08:00')) {}
  now() {
    return new Date(this.current);
  }
  set(date: Date) {
    this.current = new Date(date);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * The system clock plus an offset that can only move forward: used when LINLI_DEV_CLOCK=true so browser
 * journeys can "advance time" (e.g. to see an unaccepted order escalate). Never enabled by default.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number) {
    this.offsetMs += Math.max(0, ms);
  }
}

export type IdGenerator = () => string;
export const uuidv7: IdGenerator = () => v7();
