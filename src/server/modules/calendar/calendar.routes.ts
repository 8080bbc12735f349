import type { FastifyInstance } from 'fastify';
import {
  calendarYearParams,
  calendarYearQuery,
  calendarYearSchema,
  replaceCalendarYearBody,
} from '../../../shared/contracts/calendar';
import { actorCtxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { defineModule } from '../../platform/module';
import { getCalendarYear, replaceCalendarYear } from './calendar.usecases';
import { remindMissingSchedules } from './calendar.usecases';
import * as calendarTables from '../../platform/calendar.table';
import { calendarAccess } from '../../../shared/permissions/calendar';
import { CALENDAR_ERRORS } from '../../../shared/i18n/errors.calendar';
import { CALENDAR_AUDIT } from '../../../shared/i18n/audit.calendar';

/** The statutory working calendar: any logged-in user reads it; `calendar.write` loads a year. */
export const calendarModule = defineModule({
  name: 'calendar',
  audit: CALENDAR_AUDIT,
  tables: calendarTables,
  access: calendarAccess,
  errors: CALENDAR_ERRORS,
  jobs: [
    {
      // R-LAW-CAL-1: a year within the next 12 months without a holiday schedule is reported daily.
      name: 'calendar.schedule-reminder',
      cron: '0 9 * * *',
      run: (deps) => remindMissingSchedules(deps, (m) => deps.log.warn(m)),
    },
  ],
  routes(base: FastifyInstance, deps) {
    const { app, tags } = routeKit(base, deps, 'calendar');

    app.get(
      '/api/calendar',
      {
        config: { access: access.session },
        schema: { tags, querystring: calendarYearQuery, response: { 200: calendarYearSchema } },
      },
      (req) => getCalendarYear(actorCtxOf(deps, req), req.query.year),
    );
    app.put(
      '/api/calendar/:year',
      {
        config: { access: access.permission('calendar.write') },
        schema: {
          tags,
          params: calendarYearParams,
          body: replaceCalendarYearBody,
          response: { 200: calendarYearSchema },
        },
      },
      (req) => replaceCalendarYear(actorCtxOf(deps, req), req.params.year, req.body),
    );
  },
});
