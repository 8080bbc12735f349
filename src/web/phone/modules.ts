import { ledgerPhoneModule } from '../modules/ledger/phone';
import { merchantsPhoneModule } from '../modules/merchants/phone';
import { notificationsPhoneModule } from '../modules/notifications/phone';
import { participationPhoneModule } from '../modules/participation/phone';
import { carePhoneModule } from '../modules/care/phone';
import { surveysPhoneModule } from '../modules/surveys/phone';
import { propertyPhoneModule } from '../modules/property/phone';
import { socialOrgsPhoneModule } from '../modules/social-orgs/phone';
import { servicesPhoneModule } from '../modules/services/phone';
import { volunteersPhoneModule } from '../modules/volunteers/phone';
import { workOrdersPhoneModule } from '../modules/work-orders/phone';
import { keyTasksPhoneModule } from '../modules/key-tasks/phone';
import { scheduledReportsPhoneModule } from '../modules/scheduled-reports/phone';
import { certificatesPhoneModule } from '../modules/certificates/phone';
import { projectsPhoneModule } from '../modules/projects/phone';
import type { PhoneModule } from './phoneModule';

/**
 * Every web module's phone pages: the one list the phone app (phone.html) reads for its routes, home tiles
 * and dictionaries. A module contributes through its own `src/web/modules/<m>/phone.tsx`; web/phone imports
 * web modules through this file only, and never a module.tsx (that one pulls antd; scripts/check-boundaries.ts).
 */
export const PHONE_MODULES = [
  workOrdersPhoneModule,
  servicesPhoneModule,
  volunteersPhoneModule,
  ledgerPhoneModule,
  merchantsPhoneModule,
  notificationsPhoneModule,
  participationPhoneModule,
  carePhoneModule,
  surveysPhoneModule,
  propertyPhoneModule,
  socialOrgsPhoneModule,
  keyTasksPhoneModule,
  scheduledReportsPhoneModule,
  certificatesPhoneModule,
  projectsPhoneModule,
] as const;

export const phoneModules: readonly PhoneModule[] = PHONE_MODULES;
