import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A policy's paths (definePolicy) in the usual case: a row's unit path stored in `pathColumn`, a record's as
 * its `orgPath`. `definePolicy({ permissions: {…}, ...onOrgPath(fooItems.orgPath) })`.
 */
export function onOrgPath(pathColumn: AnyPgColumn) {
  return { pathColumn, pathOf: (r: { orgPath: string }) => r.orgPath };
}
