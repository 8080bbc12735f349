import type { MessageKey, TFunction } from '../i18n';

/** A Select's options for a list of known values, each labelled by its message `<prefix>.<value>`. */
export function enumOptions<V extends string>(t: TFunction, prefix: string, values: readonly V[]) {
  return values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) }));
}
