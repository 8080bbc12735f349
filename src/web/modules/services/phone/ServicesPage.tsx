import { TextareaField } from '../../../phone/TextareaField';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { BackLink, Empty, Field, FutureSlotPicker, Loading, Section, Tag, useToast } from '../../../phone/ui';
import { BigButton, BlockButton } from '../../../phone/PhoneForm';
import { type PublicProject, svcApi, svcKeys } from '../api';
import { CATEGORIES, labelOf, newRequestKey } from './parts';
import { loggedInPage } from '../../../phone/LoggedInPage';
import { TextField } from '../../../phone/PhoneInputs';
import { SegmentedField } from '../../../phone/Segmented';
import { useFieldErrors } from '../../../phone/useFieldErrors';

/** /m/services: a resident browses the community's published services and orders one, for themselves or a neighbour. */
const ServicesPage = loggedInPage('services.m.services', Services);
export default ServicesPage;

function Services() {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<PublicProject | 'need' | null>(null);
  const list = useQuery({ queryKey: svcKeys.published(), queryFn: () => svcApi.published() });
  const choose = (p: PublicProject | 'need') => {
    setChosen(p);
    window.scrollTo({ top: 0 });
  };
  // One task per screen: the list, or the order form for the chosen service.
  if (chosen)
    return (
      <>
        <button
          type="button"
          className="back link-btn"
          onClick={() => setChosen(null)}
          data-testid="back-to-list"
        >
          ‹ {t('services.m.back')}
        </button>
        <OrderForm
          key={chosen === 'need' ? 'need' : chosen.id}
          chosen={chosen}
          communityId={list.data?.community?.id}
        />
      </>
    );
  return (
    <>
      <BackLink to="/m" />
      {list.data?.community ? <p className="ph-p muted">{list.data.community.name}</p> : null}
      {list.isPending ? (
        <Loading />
      ) : list.data?.items.length ? (
        list.data.items.map((p) => {
          const full = p.capacity !== null && p.openOrders >= p.capacity;
          return (
            <div key={p.id} className="ph-card" data-testid="service-card">
              <div className="row" style={{ alignItems: 'flex-start' }}>
                <h2 className="ph-card-title">{p.title}</h2>
                <Tag>{labelOf(t, 'services.category', p.category)}</Tag>
              </div>
              {p.description ? (
                <p className="ph-p" style={{ marginTop: 6 }}>
                  {p.description}
                </p>
              ) : null}
              <div className="muted">{[p.providerName, p.schedule].filter(Boolean).join(' · ')}</div>
              <div className="row" style={{ marginTop: 10, flexWrap: 'wrap' }}>
                <span className={full ? 'amount-minus' : 'muted'}>
                  {p.capacity !== null
                    ? full
                      ? t('services.m.full')
                      : t('services.m.slots', { n: p.capacity - p.openOrders })
                    : ''}
                </span>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={full}
                  onClick={() => choose(p)}
                  data-testid={`order-${p.title}`}
                >
                  {t('services.m.orderThis')}
                </button>
              </div>
            </div>
          );
        })
      ) : (
        <div className="ph-card">
          <Empty>{t('services.m.noServices')}</Empty>
        </div>
      )}
      <BlockButton onClick={() => choose('need')} style={{ marginBottom: 12 }} testId="post-need">
        {t('services.m.postNeed')}
      </BlockButton>
    </>
  );
}

function OrderForm({ chosen, communityId }: { chosen: PublicProject | 'need'; communityId?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const toast = useToast();
  const [requestKey] = useState(newRequestKey);
  const [forWhom, setForWhom] = useState<'self' | 'other'>('self');
  const [payWithTime, setPayWithTime] = useState(false);
  // R-VP-2: a family member may pay with an elderly relative's time bank (the relative consented).
  const relatives = useQuery({ queryKey: svcKeys.myRelatives, queryFn: svcApi.myRelatives });
  const [timeOf, setTimeOf] = useState('');
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [preferredAt, setPreferredAt] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const { errors, setErrors, fail } = useFieldErrors();
  const submit = useMutation({
    mutationFn: () =>
      svcApi.createOrder({
        ...(chosen === 'need'
          ? { communityId, title, category: category as 'other' }
          : { projectId: chosen.id }),
        forSelf: forWhom === 'self',
        // R-VP-2: pay with my own time bank (ordering for myself only).
        payWithTime: forWhom === 'self' && payWithTime,
        ...(forWhom === 'other' && timeOf ? { payWithTimeOf: timeOf } : {}),
        ...(forWhom === 'other'
          ? {
              beneficiaryName: name,
              beneficiaryPhone: phone || null,
              beneficiaryAddress: address || null,
            }
          : {}),
        preferredAt,
        description: description || null,
        requestKey,
      }),
    onSuccess: (o) => {
      toast(t('services.m.submitted'));
      navigate(`/m/orders/${o.id}`);
    },
    onError: fail,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (chosen === 'need' && !title.trim()) local.title = t('common.required');
    if (chosen === 'need' && !category) local.category = t('common.required');
    if (forWhom === 'other' && !name.trim()) local.beneficiaryName = t('common.required');
    setErrors(local);
    if (Object.keys(local).length === 0) submit.mutate();
  };
  return (
    <Section title={chosen === 'need' ? t('services.m.postNeed') : chosen.title} testId="order-form">
      <form onSubmit={onSubmit} noValidate>
        {chosen === 'need' ? (
          <>
            <TextField
              label={t('services.m.needTitle')}
              error={errors.title}
              maxLength={100}
              value={title}
              onChange={setTitle}
            />
            <Field label={t('services.field.category')} error={errors.category}>
              {(p) => (
                <select
                  {...p}
                  className="select"
                  value={category}
                  onChange={(e) => setCategory(e.target.value)}
                >
                  <option value="">{t('phone.choose')}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {labelOf(t, 'services.category', c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <SegmentedField
          label={t('services.m.forWhom')}
          options={[
            { value: 'self', label: t('services.m.forSelf') },
            { value: 'other', label: t('services.m.forOther') },
          ]}
          value={forWhom}
          onChange={setForWhom}
          testId="for-whom"
        />
        {forWhom === 'self' ? (
          <label className="check field">
            <input
              type="checkbox"
              checked={payWithTime}
              onChange={(e) => setPayWithTime(e.target.checked)}
              data-testid="pay-with-time"
            />
            <span>{t('services.m.payWithTime')}</span>
          </label>
        ) : (
          <>
            {relatives.data?.length ? (
              <Field label={t('services.m.payWithTimeOf')} hint={t('services.m.payWithTimeOfHint')}>
                {(p) => (
                  <select
                    {...p}
                    className="select"
                    value={timeOf}
                    onChange={(e) => {
                      setTimeOf(e.target.value);
                      const r = relatives.data.find((x) => x.designeeId === e.target.value);
                      if (r && !name.trim()) setName(r.holderName);
                    }}
                    data-testid="pay-with-time-of"
                  >
                    <option value="">{t('services.m.payWithTimeOfNone')}</option>
                    {relatives.data.map((r) => (
                      <option key={r.designeeId} value={r.designeeId}>
                        {t('services.m.relativeOption', {
                          name: r.holderName,
                          relation: r.relation,
                          hours: Math.floor(r.minutes / 6) / 10,
                        })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <TextField
              label={t('services.m.beneficiaryName')}
              error={errors.beneficiaryName}
              maxLength={50}
              data-testid="beneficiary-name"
              value={name}
              onChange={setName}
            />
            <TextField
              label={t('services.m.beneficiaryPhone')}
              error={errors.beneficiaryPhone}
              maxLength={20}
              inputMode="tel"
              data-testid="beneficiary-phone"
              value={phone}
              onChange={setPhone}
            />
            <TextField
              label={t('services.m.beneficiaryAddress')}
              error={errors.beneficiaryAddress}
              maxLength={200}
              data-testid="beneficiary-address"
              value={address}
              onChange={setAddress}
            />
          </>
        )}
        <FutureSlotPicker
          label={t('services.m.preferredAt')}
          value={preferredAt}
          onChange={setPreferredAt}
          testId="preferred-at"
        />
        <TextareaField
          label={t('services.m.description')}
          error={errors.description}
          rows={3}
          maxLength={2000}
          value={description}
          onChange={setDescription}
          tall
          testId="order-description"
        />
        <BigButton disabled={submit.isPending} testId="submit-order">
          {t('services.m.submit')}
        </BigButton>
      </form>
    </Section>
  );
}
