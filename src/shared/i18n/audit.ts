/**
 * Names of audited actions and entity types (the audit log page; unknown codes show as they are), put
 * together from each module's own `audit.<module>.ts`, which its server registry entry also declares
 * (`defineModule({ audit })`): one line per module, and the platform's own (`audit.platform.ts`).
 */
import type { Locale } from './errors';
import { ACCOUNTS_AUDIT } from './audit.accounts';
import { ORG_AUDIT } from './audit.org';
import { RESIDENTS_AUDIT } from './audit.residents';
import { CALENDAR_AUDIT } from './audit.calendar';
import { NOTIFICATIONS_AUDIT } from './audit.notifications';
import { IMPORTS_AUDIT } from './audit.imports';
import { PEOPLE_AUDIT } from './audit.people';
import { WORK_ORDERS_AUDIT } from './audit.work-orders';
import { LEDGER_AUDIT } from './audit.ledger';
import { MERCHANTS_AUDIT } from './audit.merchants';
import { PROJECTS_AUDIT } from './audit.projects';
import { OPEN311_AUDIT } from './audit.open311';
import { SERVICES_AUDIT } from './audit.services';
import { DISPUTES_AUDIT } from './audit.disputes';
import { ASSESSMENTS_AUDIT } from './audit.assessments';
import { PARTICIPATION_AUDIT } from './audit.participation';
import { KEY_TASKS_AUDIT } from './audit.key-tasks';
import { SCHEDULED_REPORTS_AUDIT } from './audit.scheduled-reports';
import { WORK_ITEM_ACCESS_AUDIT } from './audit.work-item-access';
import { CERTIFICATES_AUDIT } from './audit.certificates';
import { VOLUNTEERS_AUDIT } from './audit.volunteers';
import { FACILITIES_AUDIT } from './audit.facilities';
import { CARE_AUDIT } from './audit.care';
import { SURVEYS_AUDIT } from './audit.surveys';
import { PROPERTY_AUDIT } from './audit.property';
import { SELF_GOVERNANCE_AUDIT } from './audit.self-governance';
import { SOCIAL_ORGS_AUDIT } from './audit.social-orgs';
import { PLATFORM_AUDIT } from './audit.platform';

export interface AuditLabels {
  actions: Record<string, Record<Locale, string>>;
  entityTypes: Record<string, Record<Locale, string>>;
}

const MODULE_AUDIT: AuditLabels[] = [
  PLATFORM_AUDIT,
  ACCOUNTS_AUDIT,
  ORG_AUDIT,
  RESIDENTS_AUDIT,
  CALENDAR_AUDIT,
  NOTIFICATIONS_AUDIT,
  IMPORTS_AUDIT,
  PEOPLE_AUDIT,
  WORK_ORDERS_AUDIT,
  OPEN311_AUDIT,
  LEDGER_AUDIT,
  MERCHANTS_AUDIT,
  PROJECTS_AUDIT,
  SERVICES_AUDIT,
  DISPUTES_AUDIT,
  VOLUNTEERS_AUDIT,
  ASSESSMENTS_AUDIT,
  PARTICIPATION_AUDIT,
  KEY_TASKS_AUDIT,
  WORK_ITEM_ACCESS_AUDIT,
  CERTIFICATES_AUDIT,
  FACILITIES_AUDIT,
  CARE_AUDIT,
  SURVEYS_AUDIT,
  SCHEDULED_REPORTS_AUDIT,
  PROPERTY_AUDIT,
  SELF_GOVERNANCE_AUDIT,
  SOCIAL_ORGS_AUDIT,
];

export const AUDIT_ACTIONS: Record<string, Record<Locale, string>> = Object.assign(
  {},
  ...MODULE_AUDIT.map((m) => m.actions),
);
export const AUDIT_ENTITY_TYPES: Record<string, Record<Locale, string>> = Object.assign(
  {},
  ...MODULE_AUDIT.map((m) => m.entityTypes),
);
