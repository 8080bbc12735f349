import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { copyText } from '../../../app/copyText';
import { fieldErrors, Loading, Notice, Section, Shell, useToast } from '../../../phone/ui';
import { BigButton, BlockButton } from '../../../phone/PhoneForm';
import { TextareaField } from '../../../phone/TextareaField';
import { TextField } from '../../../phone/PhoneInputs';
import { type PublicKind, publicApi, reportKey, trackPath, woKeys } from '../api';
import { SavedReportsSection } from './SavedReportsSection';
import { saveReport } from './savedReports';
import { PhotoPicker } from '../../../phone/PhotoPicker';
import { useLocate } from '../../../phone/geolocation';
import { MOBILE_NUMBER } from '../../../../shared/validation/codes';
import { ChoiceButton } from '../../../phone/ChoiceButton';

const KINDS: readonly PublicKind[] = ['help', 'complaint', 'report', 'consult', 'suggestion'];

interface Done {
  number: string;
  token: string;
}

/** /report: a resident reports a problem from a phone, no login needed, a phone number to be reached at. */
export default function ReportPage() {
  const { t } = useI18n();
  const [done, setDone] = useState<Done | null>(null);
  return (
    <Shell title={done ? t('pub.report.doneTitle') : t('pub.report.title')}>
      {done ? <ReportDone done={done} onAgain={() => setDone(null)} /> : <ReportForm onDone={setDone} />}
    </Shell>
  );
}

/** A report asks for a precise position, at most a minute old. */
const PRECISE: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 };
/** A coordinate to six decimals (about 0.1 m), as a report keeps it. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

function ReportForm({ onDone }: { onDone: (d: Done) => void }) {
  const { t, locale } = useI18n();
  const toast = useToast();
  const { me, can } = useAuth();
  const [kind, setKind] = useState<PublicKind | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [name, setName] = useState('');
  const { point: found, locating, locate } = useLocate(t('pub.report.geolocationFailed'), PRECISE);
  const point = found && { lat: round6(found.lat), lng: round6(found.lng) };
  const [photos, setPhotos] = useState<string[]>([]);
  // With reportKey: a resubmission of the same report after a lost answer is recognised by the server.
  const [pageNonce] = useState(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string | null>(null);
  const categories = useQuery({
    queryKey: woKeys.publicCategories,
    queryFn: publicApi.categories,
    staleTime: 300_000,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!description.trim()) local.description = t('pub.report.describeRequired');
    if (!phone.trim()) local.requesterPhone = t('pub.report.phoneRequired');
    else if (!MOBILE_NUMBER.test(phone.trim())) local.requesterPhone = t('pub.report.phoneInvalid');
    setErrors(local);
    if (!kind || !category) {
      setMissing(!kind ? t('pub.report.chooseKind') : t('pub.report.chooseCategory'));
      document
        .querySelector(kind ? '[data-testid=report-category]' : '[data-testid=report-kind]')
        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    setMissing(null);
    if (Object.keys(local).length) return;
    setSubmitting(true);
    try {
      const body = {
        kind,
        categoryCode: category,
        description: description.trim(),
        address: address.trim() || null,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        requesterPhone: phone.trim(),
        requesterName: name.trim() || null,
        attachmentIds: photos,
      };
      const r = await publicApi.report(body, !!me && !can('work_orders.report'), reportKey(pageNonce, body));
      const c = categories.data?.find((x) => x.code === category);
      saveReport({
        number: r.number,
        token: r.token,
        at: new Date().toISOString(),
        category: (locale === 'en' ? c?.nameEn : c?.nameZh) ?? category,
      });
      onDone({ number: r.number, token: r.token });
      window.scrollTo({ top: 0 });
    } catch (err) {
      const f = fieldErrors(err);
      setErrors(f);
      if (Object.keys(f).length === 0) toast.error(err);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} data-testid="report-form" noValidate>
      <Section n={1} title={t('pub.report.kind')} testId="report-kind">
        <div className="choices">
          {KINDS.map((k) => (
            <ChoiceButton
              key={k}
              pressed={kind === k}
              onClick={() => {
                setKind(k);
                setMissing(null);
              }}
              testId={`report-kind-${k}`}
              title={t(`wo.kind.${k}`)}
              hint={t(`pub.kindHint.${k}`)}
            />
          ))}
        </div>
      </Section>
      <Section n={2} title={t('pub.report.category')} testId="report-category">
        {categories.isPending ? (
          <Loading rows={2} />
        ) : (
          <div className="choices choices-compact">
            {(categories.data ?? []).map((c) => (
              <button
                key={c.code}
                type="button"
                className="choice"
                aria-pressed={category === c.code}
                onClick={() => {
                  setCategory(c.code);
                  setMissing(null);
                }}
                data-testid={`report-category-${c.code}`}
                data-code={c.code}
              >
                <span className="choice-title">{locale === 'en' ? c.nameEn : c.nameZh}</span>
              </button>
            ))}
          </div>
        )}
      </Section>
      <Section n={3} title={t('pub.report.describe')}>
        <TextareaField
          label={<span className="sr-only">{t('pub.report.describe')}</span>}
          hint={`${description.length} / 2000`}
          error={errors.description}
          rows={4}
          maxLength={2000}
          placeholder={t('pub.report.describePlaceholder')}
          value={description}
          onChange={setDescription}
          tall
          testId="report-description"
        />
        <p className="ph-p">{t('pub.report.photos')}</p>
        <PhotoPicker
          upload={publicApi.upload}
          onChange={setPhotos}
          max={6}
          testId="report-photo"
          onError={toast.error}
        />
      </Section>
      <Section n={4} title={t('pub.report.where')}>
        <BlockButton onClick={locate} disabled={locating} style={{ marginBottom: 8 }} testId="report-locate">
          {locating ? t('app.loading') : t('pub.report.useLocation')}
        </BlockButton>
        {point ? (
          <p className="ph-p" data-testid="report-point">
            {t('pub.report.pointSet', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) })}
          </p>
        ) : null}
        <TextField
          label={t('pub.report.address')}
          error={errors.address}
          maxLength={200}
          placeholder={t('pub.report.addressPlaceholder')}
          data-testid="report-address"
          value={address}
          onChange={setAddress}
        />
      </Section>
      <Section n={5} title={t('pub.report.contact')}>
        <TextField
          label={t('pub.report.phone')}
          hint={t('pub.report.phoneHint')}
          error={errors.requesterPhone}
          inputMode="tel"
          autoComplete="tel"
          maxLength={11}
          placeholder={t('pub.report.phonePlaceholder')}
          value={phone}
          onChange={setPhone}
          data-testid="report-phone"
        />
        <TextField
          label={t('pub.report.name')}
          error={errors.requesterName}
          maxLength={50}
          autoComplete="name"
          data-testid="report-name"
          value={name}
          onChange={setName}
        />
      </Section>
      {missing ? <Notice kind="warn">{missing}</Notice> : null}
      <BigButton disabled={submitting} style={{ marginBottom: 12 }} testId="report-submit">
        {submitting ? t('app.loading') : t('pub.report.submit')}
      </BigButton>
      <SavedReportsSection max={5} />
    </form>
  );
}

function ReportDone({ done, onAgain }: { done: Done; onAgain: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const path = trackPath(done.number, done.token);
  const full = `${window.location.origin}${path}`;
  return (
    <div className="ph-card center" data-testid="report-done">
      <div aria-hidden style={{ fontSize: '3rem', color: 'var(--ok)', lineHeight: 1 }}>
        ✓
      </div>
      <h2 className="ph-card-title" style={{ margin: '12px 0 4px' }}>
        {t('pub.report.received')}
      </h2>
      <div className="muted">{t('pub.report.numberLabel')}</div>
      <div className="big-number mono" data-testid="report-number">
        {done.number}
      </div>
      <Notice>
        <div style={{ textAlign: 'left' }}>
          <strong>{t('pub.report.keepLink')}</strong>
          <div style={{ wordBreak: 'break-all' }}>{full}</div>
        </div>
      </Notice>
      <div className="stack">
        <Link to={path} className="btn btn-primary btn-block btn-big" data-testid="report-track-link">
          {t('pub.report.track')}
        </Link>
        <BlockButton
          onClick={async () => toast((await copyText(full)) ? t('pub.report.copied') : full)}
          testId="report-copy"
        >
          {t('pub.report.copy')}
        </BlockButton>
        <button type="button" className="btn btn-text btn-block" onClick={onAgain}>
          {t('pub.report.again')}
        </button>
      </div>
    </div>
  );
}
