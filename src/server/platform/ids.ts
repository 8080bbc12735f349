import { z } from 'zod';
import { notFound } from './errors';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or body id can be a record id at all; a use case answers 404 when not (never 400 or 500). */
export function isUuid(id: string | null | undefined): id is string {
  return !!id && UUID_RE.test(id);
}

/** An id that cannot exist answers 404 before touching the database. */
export function checkId(id: string): void {
  if (!isUuid(id)) throw notFound();
}

/**
 * The `:id` path parameter of every record route. Any string is accepted so that a malformed id is
 * answered like a missing record (404), never with a validation error that tells them apart.
 */
export const idParams = z.object({ id: z.string().max(64) });

/** `:id` plus a second record id in the path (`/orgs/:id/members/:memberId`), accepted like `idParams`. */
export const idParamsWith = <K extends string>(name: K) =>
  z.object({ id: z.string().max(64) }).extend({ [name]: z.string().max(64) } as Record<K, z.ZodString>);
