import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  changePasswordBody,
  createUserBody,
  loginBody,
  loginResponseSchema,
  loginTotpBody,
  meOverviewSchema,
  meSchema,
  recoveryCodesSchema,
  smsLoginBody,
  smsSendBody,
  smsSendResponseSchema,
  twoFactorCodeBody,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
  updateMeBody,
  updateUserBody,
  userSchema,
} from '../../../shared/contracts/accounts';
import { writeAudit } from '../../platform/audit';
import { routeKit } from '../../platform/routeKit';
import { SESSION_COOKIE, destroySession, sessionCookieOptions } from '../../platform/auth';
import { actorCtxOf, ctxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { defineModule } from '../../platform/module';
import { pageQuery } from '../../platform/pagination';
import {
  changePassword,
  createUser,
  getUser,
  listUsers,
  login,
  meOf,
  updateMe,
  updateUser,
} from './accounts.usecases';
import {
  disableTwoFactor,
  enableTwoFactor,
  loginSecondFactor,
  regenerateRecoveryCodes,
  setupTwoFactor,
  twoFactorStatus,
} from './accounts.twoFactor';
import { loginWithSmsCode, sendLoginCode } from './accounts.sms';
import { meOverview } from './accounts.overview';
import { createSmsSender } from '../../platform/sms';
import * as accountsTables from './accounts.table';
import { accountsAccess } from '../../../shared/permissions/accounts';
import { ACCOUNTS_ERRORS } from '../../../shared/i18n/errors.accounts';
import { ACCOUNTS_AUDIT } from '../../../shared/i18n/audit.accounts';

export const accountsModule = defineModule({
  name: 'accounts',
  audit: ACCOUNTS_AUDIT,
  tables: accountsTables,
  access: accountsAccess,
  errors: ACCOUNTS_ERRORS,
  routes(base: FastifyInstance, deps) {
    const { app, tags, route, page } = routeKit(base, deps, 'accounts');

    // Password right and a second factor set up: `{ twoFactorRequired, pendingToken }` and no session yet.
    app.post(
      '/api/auth/login',
      {
        config: { access: access.public },
        schema: { tags, body: loginBody, response: { 200: loginResponseSchema } },
      },
      async (req, reply) => {
        const ctx = ctxOf(deps, req);
        const result = await login(ctx, req.body.username, req.body.password, {
          userAgent: req.headers['user-agent'],
        });
        if ('twoFactorRequired' in result) return result;
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(req, deps.config));
        return meOf(result.actor, result);
      },
    );
    app.post(
      '/api/auth/login/totp',
      {
        config: { access: access.public },
        schema: { tags, body: loginTotpBody, response: { 200: meSchema } },
      },
      async (req, reply) => {
        const result = await loginSecondFactor(ctxOf(deps, req), req.body, {
          userAgent: req.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(req, deps.config));
        return meOf(result.actor, result);
      },
    );

    // Residents: phone + one-time SMS code (docs/API-resident.md). The sender is made once at start-up, so
    // a misconfigured provider stops the app; tests may put their own into deps.sms.
    const configuredSms = createSmsSender(deps.config.sms, base.log);
    app.post(
      '/api/auth/sms/send',
      {
        config: { access: access.public },
        schema: { tags, body: smsSendBody, response: { 200: smsSendResponseSchema } },
      },
      async (req, reply) => {
        try {
          return await sendLoginCode(ctxOf(deps, req), deps.sms ?? configuredSms, req.body.phone, req.log);
        } catch (err) {
          const seconds = (err as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
          if (seconds) reply.header('retry-after', String(seconds));
          throw err;
        }
      },
    );
    app.post(
      '/api/auth/sms/login',
      {
        config: { access: access.public },
        schema: { tags, body: smsLoginBody, response: { 200: meSchema } },
      },
      async (req, reply) => {
        const result = await loginWithSmsCode(ctxOf(deps, req), req.body.phone, req.body.code, {
          userAgent: req.headers['user-agent'],
        });
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(req, deps.config));
        return meOf(result.actor, result);
      },
    );
    app.get(
      '/api/me/overview',
      { config: { access: access.session }, schema: { tags, response: { 200: meOverviewSchema } } },
      (req) => meOverview(actorCtxOf(deps, req)),
    );

    app.post(
      '/api/auth/logout',
      { config: { access: access.public }, schema: { tags } },
      async (req, reply) => {
        if (req.session && req.actor) {
          const ctx = actorCtxOf(deps, req);
          await destroySession(deps.db, req.session.id);
          await deps.db.transaction((tx) =>
            writeAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId }),
          );
        }
        reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(req, deps.config));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/auth/me',
      { config: { access: access.session }, schema: { tags, response: { 200: meSchema } } },
      (req) => {
        const ctx = actorCtxOf(deps, req);
        return meOf(ctx.actor, req.session!);
      },
    );
    app.patch(
      '/api/auth/me',
      {
        config: { access: access.session },
        schema: { tags, body: updateMeBody, response: { 200: meSchema } },
      },
      async (req) => {
        const actor = await updateMe(actorCtxOf(deps, req), req.body);
        return meOf(actor, req.session!);
      },
    );
    app.post(
      '/api/auth/password',
      { config: { access: access.session }, schema: { tags, body: changePasswordBody } },
      async (req, reply) => {
        await changePassword(
          actorCtxOf(deps, req),
          req.session!.id,
          req.body.currentPassword,
          req.body.newPassword,
        );
        return reply.status(204).send();
      },
    );

    // Two-step verification of one's own account (账号安全); open to a session that must still enrol.
    app.get(
      '/api/auth/two-factor',
      { config: { access: access.session }, schema: { tags, response: { 200: twoFactorStatusSchema } } },
      (req) => twoFactorStatus(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/auth/two-factor/setup',
      { config: { access: access.session }, schema: { tags, response: { 200: twoFactorSetupSchema } } },
      (req) => setupTwoFactor(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/auth/two-factor/enable',
      {
        config: { access: access.session },
        schema: { tags, body: twoFactorCodeBody, response: { 200: recoveryCodesSchema } },
      },
      (req) => enableTwoFactor(actorCtxOf(deps, req), req.body.code),
    );
    app.post(
      '/api/auth/two-factor/recovery-codes',
      {
        config: { access: access.session },
        schema: { tags, body: twoFactorCodeBody, response: { 200: recoveryCodesSchema } },
      },
      (req) => regenerateRecoveryCodes(actorCtxOf(deps, req), req.body.code),
    );
    app.post(
      '/api/auth/two-factor/disable',
      { config: { access: access.session }, schema: { tags, body: twoFactorCodeBody } },
      async (req, reply) => {
        await disableTwoFactor(actorCtxOf(deps, req), req.body.code);
        return reply.status(204).send();
      },
    );

    page(
      '/api/users',
      access.permission('users.read'),
      z.object({ q: z.string().max(50).optional(), ...pageQuery }),
      userSchema,
      listUsers,
    );
    route('GET', '/api/users/:id', access.permission('users.read'), { response: userSchema }, getUser);
    app.post(
      '/api/users',
      {
        config: { access: access.permission('users.write') },
        schema: { tags, body: createUserBody, response: { 201: userSchema } },
      },
      async (req, reply) => reply.status(201).send(await createUser(actorCtxOf(deps, req), req.body)),
    );
    route(
      'PATCH',
      '/api/users/:id',
      access.permission('users.write'),
      { body: updateUserBody, response: userSchema },
      updateUser,
    );
  },
});
