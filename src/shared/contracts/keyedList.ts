/** The keys of a `{ key, … }` list, in order, typed as the non-empty tuple `z.enum` takes. */
export function keysOf<T extends readonly { key: string }[]>(list: T) {
  return list.map((c) => c.key) as [T[number]['key'], ...T[number]['key'][]];
}
