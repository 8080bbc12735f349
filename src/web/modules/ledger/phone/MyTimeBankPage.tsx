import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { Empty, Notice, Section, useToast } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { BigButton } from '../../../phone/PhoneForm';
import { hours, ledgerApi, ledgerKeys, newKey } from '../api';
import { ProgressBar, TextField } from '../../../phone/PhoneInputs';
import { OtherLedgerLink, StatementList, useAmount } from './parts';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { useFieldErrors } from '../../../phone/useFieldErrors';

function Content() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useToast();
  const amount = useAmount();
  const q = useQuery({ queryKey: ledgerKeys.me, queryFn: ledgerApi.me });
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [minutes, setMinutes] = useState('');
  const designee = useFieldErrors();
  const gift = useFieldErrors();
  const [revoking, setRevoking] = useState<string | null>(null);
  const gKey = useRef(newKey());
  const refresh = () => qc.invalidateQueries({ queryKey: ledgerKeys.all });
  const accountId = q.data?.minutes?.id ?? '';
  const add = useMutation({
    mutationFn: () => ledgerApi.addDesignee(accountId, { name: name.trim(), relation: relation.trim() }),
    onSuccess: () => {
      setName('');
      setRelation('');
      designee.setErrors({});
      refresh();
    },
    onError: designee.fail,
  });
  const revoke = useMutation({
    mutationFn: ledgerApi.revokeDesignee,
    onSuccess: () => {
      setRevoking(null);
      refresh();
    },
    onError: (e) => toast.error(e),
  });
  const donate = useMutation({
    mutationFn: () => ledgerApi.donate(accountId, { minutes: Number(minutes), idempotencyKey: gKey.current }),
    onSuccess: (r) => {
      gKey.current = newKey();
      setMinutes('');
      gift.setErrors({});
      toast(r.duplicate ? t('ledger.timebank.duplicate') : t('ledger.timebank.done'));
      refresh();
    },
    onError: gift.fail,
  });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  const me = q.data;
  if (!me.minutes)
    return (
      <>
        <Notice>{me.volunteer ? t('ledger.m.noAccount') : t('ledger.m.notVolunteer')}</Notice>
        <OtherLedgerLink to="/m/points">{t('ledger.m.toPoints')}</OtherLedgerLink>
      </>
    );
  const balance = me.minutes.balance;
  const pct = Math.min(100, Math.round((balance / me.capMinutes) * 1000) / 10);
  const submitDesignee = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = t('common.required');
    if (!relation.trim()) local.relation = t('common.required');
    designee.setErrors(local);
    if (Object.keys(local).length === 0) add.mutate();
  };
  const submitDonation = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > balance) {
      gift.setErrors({ minutes: t('ledger.timebank.minutes') });
      return;
    }
    donate.mutate();
  };
  return (
    <>
      <section className="ph-card center">
        <div className="muted">{t('ledger.m.minutes')}</div>
        <div className="big-number" data-testid="m-timebank-balance">
          {amount.hours(balance)}
        </div>
        <div>{amount.minutes(balance)}</div>
        <ProgressBar pct={pct} label={t('ledger.m.capUsed', { pct, h: hours(me.capMinutes) })} />
        <div className="muted">{t('ledger.m.capUsed', { pct, h: hours(me.capMinutes) })}</div>
        <div className="muted">{t('ledger.m.noCash')}</div>
      </section>
      <Section n={1} title={t('ledger.timebank.designees')}>
        <p className="ph-p muted">{t('ledger.timebank.designeesHint')}</p>
        {me.designees.length === 0 ? (
          <Empty>{t('ledger.timebank.noDesignees')}</Empty>
        ) : (
          <ul className="list">
            {me.designees.map((d) => (
              <li key={d.id} data-testid="m-designee" className="row">
                <span>
                  {d.name}（{d.relation}）
                </span>
                {revoking === d.id ? (
                  <span className="wrap">
                    <button
                      type="button"
                      className="btn btn-danger"
                      onClick={() => revoke.mutate(d.id)}
                      disabled={revoke.isPending}
                    >
                      {t('common.confirm')}
                    </button>
                    <button type="button" className="btn btn-text" onClick={() => setRevoking(null)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn-text" onClick={() => setRevoking(d.id)}>
                    {t('ledger.timebank.revoke')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={submitDesignee} noValidate style={{ marginTop: 12 }}>
          <TextField
            label={t('ledger.timebank.designeeName')}
            error={designee.errors.name}
            maxLength={50}
            value={name}
            onChange={setName}
          />
          <TextField
            label={t('ledger.timebank.relation')}
            error={designee.errors.relation}
            maxLength={20}
            placeholder="母亲 / 父亲 / 配偶"
            value={relation}
            onChange={setRelation}
          />
          <button type="submit" className="btn btn-block" disabled={add.isPending}>
            {t('ledger.timebank.addDesignee')}
          </button>
        </form>
      </Section>
      <Section n={2} title={t('ledger.timebank.donate')}>
        <p className="ph-p muted">{t('ledger.timebank.donateHint')}</p>
        <form onSubmit={submitDonation} noValidate>
          <TextField
            label={t('ledger.timebank.minutes')}
            error={gift.errors.minutes}
            type="number"
            inputMode="numeric"
            min={1}
            max={Math.max(1, balance)}
            step={1}
            value={minutes}
            onChange={setMinutes}
          />
          <BigButton disabled={donate.isPending || balance <= 0} testId="m-donate">
            {t('ledger.timebank.donate')}
          </BigButton>
        </form>
      </Section>
      <Section n={3} title={t('ledger.m.statement')}>
        <StatementList accountId={me.minutes.id} unit="minutes" />
      </Section>
      <OtherLedgerLink to="/m/points">{t('ledger.m.toPoints')}</OtherLedgerLink>
    </>
  );
}

/** /m/timebank: my banked minutes, designated family members, donation to the community pool (R-VP-2). */
const MyTimeBankPage = loggedInPage('ledger.m.timebank', Content, '/m');
export default MyTimeBankPage;
