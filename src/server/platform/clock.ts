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

export type IdGenerator = () => string;
export const uuidv7: IdGenerator = () => v7();
