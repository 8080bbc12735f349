import { sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';

/**
 * Who may do what in the people registry (party organizations and members, workers and grid
 * assignments, deputies, resident units, social organizations). Every row carries the org path of the
 * unit it belongs to; `people.read` / `people.write` in that subtree put it in reach (R-ORG-1). The
 * registry's tables all name that column `org_path`: the repositories pass the table's own column
 * (`peoplePolicy.scope(actor, action, table.orgPath)`); the default `org_path` serves single-table SQL.
 */
export type PeopleAction = 'read' | 'write';
type PeopleRecord = { orgPath: string };

export const peoplePolicy: Policy<PeopleAction, PeopleRecord> = definePolicy({
  permissions: { read: 'people.read', write: 'people.write' },
  pathColumn: sql`org_path`,
  pathOf: (r: PeopleRecord) => r.orgPath,
});
