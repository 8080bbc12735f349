/**
 * The draws a demo seed makes from its own deterministic generator `next` (a number in [0, 1)): each seed
 * keeps its generator and seed, so the same calls give the same demo data on every machine.
 */
export function demoDraws(next: () => number) {
  return {
    next,
    /** A whole number from `min` to `max`, both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
