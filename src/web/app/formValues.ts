/** A record's fields as an edit form's initial values, a missing (null) one as an empty field (undefined). */
export function formValues<T extends object, K extends keyof T>(record: T, keys: readonly K[]) {
  return Object.fromEntries(keys.map((k) => [k, record[k] ?? undefined])) as {
    [P in K]: NonNullable<T[P]> | undefined;
  };
}
