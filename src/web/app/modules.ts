import { auditWebModule } from '../modules/audit/module';
import { authWebModule } from '../modules/auth/module';
import { importsWebModule } from '../modules/imports/module';
import { ledgerWebModule } from '../modules/ledger/module';
import { merchantsWebModule } from '../modules/merchants/module';
import { notificationsWebModule } from '../modules/notifications/module';
import { participationWebModule } from '../modules/participation/module';
import { keyTasksWebModule } from '../modules/key-tasks/module';
import { scheduledReportsWebModule } from '../modules/scheduled-reports/module';
import { workItemAccessWebModule } from '../modules/work-item-access/module';
import { certificatesWebModule } from '../modules/certificates/module';
import { orgWebModule } from '../modules/org/module';
import { peopleWebModule } from '../modules/people/module';
import { projectsWebModule } from '../modules/projects/module';
import { reportsWebModule } from '../modules/reports/module';
import { residentsWebModule } from '../modules/residents/module';
import { servicesWebModule } from '../modules/services/module';
import { disputesWebModule } from '../modules/disputes/module';
import { assessmentsWebModule } from '../modules/assessments/module';
import { facilitiesWebModule } from '../modules/facilities/module';
import { careWebModule } from '../modules/care/module';
import { surveysWebModule } from '../modules/surveys/module';
import { propertyWebModule } from '../modules/property/module';
import { selfGovernanceWebModule } from '../modules/self-governance/module';
import { socialOrgsWebModule } from '../modules/social-orgs/module';
import { settingsWebModule } from '../modules/settings/module';
import { usersWebModule } from '../modules/users/module';
import { volunteersWebModule } from '../modules/volunteers/module';
import { workOrdersWebModule } from '../modules/work-orders/module';
import type { MessageKey } from './i18n';
import type { WebModule, WebModuleI18n } from './webModule';

/**
 * Every web module: the one list the routes (App.tsx), the side menu (nav.tsx), the dictionaries
 * (i18n), the phone home tiles and the staff workbench read. Adding a web module = its folder with a
 * module.tsx + one line here. web/app imports web modules through this file only (scripts/check-boundaries.ts).
 */
export const WEB_MODULES = [
  orgWebModule,
  workOrdersWebModule,
  residentsWebModule,
  importsWebModule,
  peopleWebModule,
  servicesWebModule,
  projectsWebModule,
  disputesWebModule,
  volunteersWebModule,
  ledgerWebModule,
  merchantsWebModule,
  usersWebModule,
  auditWebModule,
  reportsWebModule,
  settingsWebModule,
  authWebModule,
  notificationsWebModule,
  assessmentsWebModule,
  participationWebModule,
  keyTasksWebModule,
  workItemAccessWebModule,
  certificatesWebModule,
  facilitiesWebModule,
  careWebModule,
  surveysWebModule,
  scheduledReportsWebModule,
  propertyWebModule,
  selfGovernanceWebModule,
  socialOrgsWebModule,
] as const;

/** A module as the app reads it: its labels are keys of the merged dictionaries. */
export type AppWebModule = Omit<WebModule<MessageKey>, 'i18n'> & { i18n: WebModuleI18n<string> };

export const webModules: readonly AppWebModule[] = WEB_MODULES;
