import { chinaMinute } from '../../../shared/chinaTime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  accountListQuery,
  accountView,
  consentBody,
  designeeBody,
  designeeView,
  myRelativeView,
  donateBody,
  earningRuleBody,
  earningRulesView,
  myLedgerView,
  poolWithdrawBody,
  postingResult,
  reportQuery,
  reportView,
  reverseBody,
  statementQuery,
  statementView,
  verifyView,
  withdrawBody,
} from '../../../shared/contracts/ledger';
import type { AppDeps } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { sendXlsx } from '../../platform/excel';
import { myBalances } from './ledger.mine.repository';
import { defineModule } from '../../platform/module';
import { idParams } from '../../platform/ids';
import { ledgerPolicy } from './ledger.policy';
import { pointsReport } from './ledger.reports';
import {
  addDesignee,
  deleteRule,
  donateToPool,
  getAccount,
  listAccounts,
  listDesignees,
  listRules,
  myLedger,
  myRelatives,
  putRule,
  recordConsent,
  recordWithdrawal,
  revokeDesignee,
  reverseTransaction,
  statement,
  statementAll,
  withdrawFromPool,
} from './ledger.usecases';
import { verifyLedger } from './ledger.verify';
import * as ledgerTables from './ledger.table';
import { ledgerAccess } from '../../../shared/permissions/ledger';
import { LEDGER_ERRORS } from '../../../shared/i18n/errors.ledger';
import { LEDGER_AUDIT } from '../../../shared/i18n/audit.ledger';

const KIND_ZH: Record<string, string> = {
  service_credit: '服务记时/积分',
  service_correction: '服务更正',
  redemption: '积分兑换',
  settlement: '商户结算',
  reversal: '冲正',
  time_withdrawal: '时间支取',
  pool_donation: '捐入时间池',
  pool_withdrawal: '时间池支取',
  transfer: '转账',
  adjust: '调整',
};

export const ledgerModule = defineModule({
  name: 'ledger',
  mine: { balances: myBalances },
  audit: LEDGER_AUDIT,
  tables: ledgerTables,
  scopedTables: {
    scoped: [ledgerTables.ledgerAccounts],
    pathOnly: [ledgerTables.ledgerTransactions],
    unitSettings: [ledgerTables.ledgerEarningRules],
  },
  access: ledgerAccess,
  errors: LEDGER_ERRORS,
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf: ctx, route, page } = routeKit(base, deps, 'ledger');
    const read = { access: access.permission('ledger.read') };
    const write = { access: access.permission('ledger.write') };
    const own = { access: access.permission('ledger.own') };
    const readOrOwn = { access: access.anyOf('ledger.read', 'ledger.own') };
    const writeOrOwn = { access: access.anyOf('ledger.write', 'ledger.own') };
    const session = { access: access.session };

    page('/api/ledger/accounts', read.access, accountListQuery, accountView, listAccounts);
    route('GET', '/api/ledger/accounts/:id', readOrOwn.access, { response: accountView }, getAccount);
    route(
      'GET',
      '/api/ledger/accounts/:id/statement',
      readOrOwn.access,
      { query: statementQuery, response: statementView },
      statement,
    );
    app.get(
      '/api/ledger/accounts/:id/statement.xlsx',
      {
        config: readOrOwn,
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }),
        },
      },
      async (req, reply) => {
        const { account, lines } = await statementAll(ctx(req), req.params.id, req.query);
        const en = req.locale === 'en';
        const unit = account.unit === 'points' ? (en ? 'points' : '积分') : en ? 'minutes' : '分钟';
        const fmt = chinaMinute;
        return sendXlsx(
          reply,
          en ? `statement-${account.name}.xlsx` : `账户明细-${account.name}-${unit}.xlsx`,
          en ? 'Statement' : '明细',
          [
            { header: en ? 'Posted (UTC+8)' : '记账时间', width: 18, value: (l) => fmt(l.createdAt) },
            { header: en ? 'Occurred' : '发生时间', width: 18, value: (l) => fmt(l.occurredAt) },
            {
              header: en ? 'Kind' : '类型',
              width: 14,
              value: (l) => (en ? l.kind : (KIND_ZH[l.kind] ?? l.kind)),
            },
            { header: en ? 'Memo' : '摘要', width: 36, value: (l) => l.memo },
            { header: en ? 'Counterpart' : '对方账户', width: 20, value: (l) => l.counterparts.join('、') },
            { header: `${en ? 'Amount' : '发生额'} (${unit})`, width: 12, value: (l) => l.amount },
            { header: `${en ? 'Balance' : '余额'} (${unit})`, width: 12, value: (l) => l.balanceAfter },
            { header: en ? 'Transaction' : '交易号', width: 38, value: (l) => l.transactionId },
            {
              header: en ? 'Reversal' : '冲正',
              width: 38,
              value: (l) => l.reversesId ?? l.reversedById ?? '',
            },
          ],
          lines,
        );
      },
    );
    route(
      'POST',
      '/api/ledger/transactions/:id/reverse',
      write.access,
      { body: reverseBody, response: postingResult },
      reverseTransaction,
    );

    // Earning rules
    app.get(
      '/api/ledger/rules',
      {
        config: read,
        schema: {
          tags,
          querystring: z.object({ orgUnitId: z.string().optional() }),
          response: { 200: earningRulesView },
        },
      },
      (req) => listRules(ctx(req), req.query.orgUnitId),
    );
    app.put('/api/ledger/rules', { config: write, schema: { tags, body: earningRuleBody } }, async (req) => {
      const r = await putRule(ctx(req), req.body);
      return { id: r.id };
    });
    app.delete(
      '/api/ledger/rules/:id',
      { config: write, schema: { tags, params: idParams } },
      async (req, reply) => {
        await deleteRule(ctx(req), req.params.id);
        return reply.code(204).send();
      },
    );

    // Time bank
    route(
      'GET',
      '/api/ledger/accounts/:id/designees',
      readOrOwn.access,
      { response: z.array(designeeView) },
      listDesignees,
    );
    route(
      'POST',
      '/api/ledger/accounts/:id/designees',
      writeOrOwn.access,
      { body: designeeBody, response: designeeView },
      addDesignee,
    );
    app.post(
      '/api/ledger/designees/:id/revoke',
      { config: writeOrOwn, schema: { tags, params: idParams } },
      async (req, reply) => {
        await revokeDesignee(ctx(req), req.params.id);
        return reply.code(204).send();
      },
    );
    route(
      'POST',
      '/api/ledger/designees/:id/consent',
      writeOrOwn.access,
      { body: consentBody, response: designeeView },
      recordConsent,
    );
    app.get(
      '/api/me/time-bank/relatives',
      { config: session, schema: { tags, response: { 200: z.array(myRelativeView) } } },
      (req) => myRelatives(ctx(req)),
    );
    route(
      'POST',
      '/api/ledger/accounts/:id/withdraw',
      write.access,
      { body: withdrawBody, response: postingResult },
      recordWithdrawal,
    );
    route(
      'POST',
      '/api/ledger/accounts/:id/donate',
      writeOrOwn.access,
      { body: donateBody, response: postingResult },
      donateToPool,
    );
    app.post(
      '/api/ledger/pool/withdraw',
      {
        config: write,
        schema: { tags, body: poolWithdrawBody, response: { 200: postingResult } },
      },
      (req) => withdrawFromPool(ctx(req), req.body),
    );
    // There is deliberately no cash-out endpoint: stored time buys services only (R-LAW-VL-2).

    app.get(
      '/api/ledger/me',
      {
        config: own,
        schema: { tags, response: { 200: myLedgerView } },
      },
      (req) => myLedger(ctx(req)),
    );

    // Verify and reports
    app.post(
      '/api/ledger/verify',
      {
        config: write,
        schema: { tags, response: { 200: verifyView } },
      },
      (req) => {
        const c = ctx(req);
        ledgerPolicy.require(c.actor, 'write');
        // Platform-wide checks; details only for the caller's own area (the rest is counted).
        return verifyLedger(c.db, c.clock, 200, ledgerPolicy.roots(c.actor, 'write'));
      },
    );
    app.get(
      '/api/ledger/reports/points',
      {
        config: read,
        schema: { tags, querystring: reportQuery, response: { 200: reportView } },
      },
      (req) => pointsReport(ctx(req), req.query),
    );
    app.get(
      '/api/ledger/reports/points.xlsx',
      { config: read, schema: { tags, querystring: reportQuery } },
      async (req, reply) => {
        const r = await pointsReport(ctx(req), req.query);
        const en = req.locale === 'en';
        const hours = (m: number) => Math.round((m / 60) * 10) / 10;
        return sendXlsx(
          reply,
          en ? `points-${r.from}-${r.to}.xlsx` : `积分时长统计-${r.from}-${r.to}.xlsx`,
          en ? 'Points and hours' : '积分与时长',
          [
            { header: en ? 'Community' : '社区', width: 20, value: (x) => x.communityName },
            { header: en ? 'Points issued' : '发放积分', value: (x) => x.pointsIssued },
            { header: en ? 'Points redeemed' : '兑换积分', value: (x) => x.pointsRedeemed },
            { header: en ? 'Points held' : '积分余额', value: (x) => x.pointsBalance },
            { header: en ? 'Hours deposited' : '存入时长(小时)', value: (x) => hours(x.minutesDeposited) },
            { header: en ? 'Hours withdrawn' : '支取时长(小时)', value: (x) => hours(x.minutesWithdrawn) },
            {
              header: en ? 'Hours donated to pool' : '捐入时间池(小时)',
              value: (x) => hours(x.minutesDonated),
            },
            { header: en ? 'Hours banked' : '时间银行余额(小时)', value: (x) => hours(x.minutesBalance) },
            { header: en ? 'Pool hours' : '时间池余额(小时)', value: (x) => hours(x.poolBalance) },
            { header: en ? 'Volunteers credited' : '获记志愿者数', value: (x) => x.volunteers },
          ],
          [...r.rows, { ...r.total, communityName: en ? 'Total' : '合计' }],
        );
      },
    );
  },
});
