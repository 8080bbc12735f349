import { AimOutlined, CheckCircleFilled, CopyOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Skeleton, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { applyFormErrors } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { type PublicKind, publicApi, reportKey, trackPath, woKeys } from '../api';
import { PhotoPicker } from '../parts';
import type { LatLng } from '../PointMap';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';
import { saveReport, savedReports } from './savedReports';

const PointMap = lazy(() => import('../PointMap'));

const KINDS: readonly PublicKind[] = ['help', 'complaint', 'report', 'consult', 'suggestion'];
const MOBILE = /^1[3-9]\d{9}$/;

interface Values {
  description: string;
  address?: string;
  requesterPhone: string;
  requesterName?: string;
}

interface Done {
  number: string;
  token: string;
}

/** A resident reports a problem from a phone: no login, a phone number to be reached at. */
export default function ReportPage() {
  const { t } = useI18n();
  const [done, setDone] = useState<Done | null>(null);
  return (
    <PublicShell title={done ? t('pub.report.doneTitle') : t('pub.report.title')}>
      {done ? <ReportDone done={done} onAgain={() => setDone(null)} /> : <ReportForm onDone={setDone} />}
    </PublicShell>
  );
}

function ReportForm({ onDone }: { onDone: (d: Done) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<PublicKind | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [point, setPoint] = useState<LatLng | null>(null);
  const [showMap, setShowMap] = useState(false);
  const [locating, setLocating] = useState(false);
  const [photos, setPhotos] = useState<string[]>([]);
  // With reportKey: a resubmission of the same report after a lost answer is recognised by the server.
  const [pageNonce] = useState(() => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`);
  const [submitting, setSubmitting] = useState(false);
  const [missing, setMissing] = useState<string | null>(null);
  const categories = useQuery({
    queryKey: woKeys.publicCategories,
    queryFn: publicApi.categories,
    staleTime: 300_000,
  });
  const config = useQuery({
    queryKey: ['config'],
    queryFn: () => api.get<{ tilesUrl: string | null }>('/api/config'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const showError = (e: unknown) =>
    message.error({ content: e instanceof Error ? e.message : String(e), duration: 5 });

  const locate = () => {
    if (!navigator.geolocation) {
      message.warning(t('pub.report.noGeolocation'));
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        setPoint({
          lat: Math.round(pos.coords.latitude * 1e6) / 1e6,
          lng: Math.round(pos.coords.longitude * 1e6) / 1e6,
        });
        setShowMap(true);
      },
      () => {
        setLocating(false);
        message.warning(t('pub.report.geolocationFailed'));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const submit = async (v: Values) => {
    if (!kind || !category) {
      setMissing(!kind ? t('pub.report.chooseKind') : t('pub.report.chooseCategory'));
      document
        .querySelector(kind ? '[data-testid=report-category]' : '[data-testid=report-kind]')
        ?.scrollIntoView({
          behavior: 'smooth',
          block: 'center',
        });
      return;
    }
    setMissing(null);
    setSubmitting(true);
    try {
      const body = {
        kind,
        categoryCode: category,
        description: v.description.trim(),
        address: v.address?.trim() || null,
        lat: point?.lat ?? null,
        lng: point?.lng ?? null,
        requesterPhone: v.requesterPhone.trim(),
        requesterName: v.requesterName?.trim() || null,
        attachmentIds: photos,
      };
      const r = await publicApi.report(body, !!me && !can('work_orders.report'), reportKey(pageNonce, body));
      const name = categories.data?.find((c) => c.code === category);
      saveReport({
        number: r.number,
        token: r.token,
        at: new Date().toISOString(),
        category: (locale === 'en' ? name?.nameEn : name?.nameZh) ?? category,
      });
      onDone({ number: r.number, token: r.token });
      window.scrollTo({ top: 0 });
    } catch (e) {
      const { applied, rest } = applyFormErrors(form, e);
      if (applied === 0 || rest.length) showError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const mine = savedReports();
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} size="large" data-testid="report-form">
      <PublicSection n={1} title={t('pub.report.kind')} testId="report-kind">
        <div className="linli-choice-grid">
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className="linli-choice"
              aria-pressed={kind === k}
              onClick={() => {
                setKind(k);
                setMissing(null);
              }}
              data-testid={`report-kind-${k}`}
            >
              <span className="linli-choice-title">{t(`wo.kind.${k}`)}</span>
              <span className="linli-choice-hint">{t(`pub.kindHint.${k}`)}</span>
            </button>
          ))}
        </div>
      </PublicSection>
      <PublicSection n={2} title={t('pub.report.category')} testId="report-category">
        {categories.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <div className="linli-choice-grid">
            {(categories.data ?? []).map((c) => (
              <button
                key={c.code}
                type="button"
                className="linli-choice linli-choice-compact"
                aria-pressed={category === c.code}
                onClick={() => {
                  setCategory(c.code);
                  setMissing(null);
                }}
                data-testid={`report-category-${c.code}`}
                data-code={c.code}
              >
                <span className="linli-choice-title">{locale === 'en' ? c.nameEn : c.nameZh}</span>
              </button>
            ))}
          </div>
        )}
      </PublicSection>
      <PublicSection n={3} title={t('pub.report.describe')}>
        <Form.Item
          name="description"
          rules={[{ required: true, whitespace: true, message: t('pub.report.describeRequired') }]}
          style={{ marginBottom: 12 }}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('pub.report.describePlaceholder')}
            data-testid="report-description"
          />
        </Form.Item>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('pub.report.photos')}
        </Typography.Text>
        <PhotoPicker
          upload={publicApi.upload}
          onChange={setPhotos}
          capture
          large
          max={6}
          testId="report-photo"
          onError={showError}
        />
      </PublicSection>
      <PublicSection n={4} title={t('pub.report.where')}>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Button icon={<AimOutlined />} onClick={locate} loading={locating} data-testid="report-locate">
            {t('pub.report.useLocation')}
          </Button>
          <Button
            icon={<EnvironmentOutlined />}
            onClick={() => setShowMap((v) => !v)}
            type={showMap ? 'primary' : 'default'}
            ghost={showMap}
            data-testid="report-map-toggle"
          >
            {t('pub.report.pickOnMap')}
          </Button>
        </Flex>
        {showMap ? (
          <div style={{ marginBottom: 12 }}>
            <Suspense fallback={<div className="linli-map" style={{ height: 240 }} />}>
              <PointMap
                value={point}
                onChange={setPoint}
                tilesUrl={config.data?.tilesUrl}
                height={240}
                testId="report-map"
              />
            </Suspense>
            <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="report-point">
              {point
                ? t('pub.report.pointSet', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) })
                : t('pub.report.tapMap')}
              {config.data?.tilesUrl ? '' : ` ${t('pub.report.noTiles')}`}
            </Typography.Text>
          </div>
        ) : point ? (
          <Typography.Paragraph type="secondary" data-testid="report-point">
            {t('pub.report.pointSet', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) })}
          </Typography.Paragraph>
        ) : null}
        <Form.Item name="address" label={t('pub.report.address')} style={{ marginBottom: 0 }}>
          <Input
            maxLength={200}
            placeholder={t('pub.report.addressPlaceholder')}
            data-testid="report-address"
          />
        </Form.Item>
      </PublicSection>
      <PublicSection n={5} title={t('pub.report.contact')}>
        <Form.Item
          name="requesterPhone"
          label={t('pub.report.phone')}
          rules={[
            { required: true, message: t('pub.report.phoneRequired') },
            { pattern: MOBILE, message: t('pub.report.phoneInvalid') },
          ]}
          extra={t('pub.report.phoneHint')}
        >
          <Input
            inputMode="tel"
            autoComplete="tel"
            maxLength={11}
            placeholder={t('pub.report.phonePlaceholder')}
            data-testid="report-phone"
          />
        </Form.Item>
        <Form.Item name="requesterName" label={t('pub.report.name')} style={{ marginBottom: 0 }}>
          <Input maxLength={50} autoComplete="name" data-testid="report-name" />
        </Form.Item>
      </PublicSection>
      {missing ? <Alert type="warning" showIcon title={missing} style={{ marginBottom: 12 }} /> : null}
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={submitting}
        className="linli-public-submit"
        data-testid="report-submit"
      >
        {t('pub.report.submit')}
      </Button>
      {mine.length ? (
        <PublicSection title={t('pub.report.mine')} testId="report-mine">
          <Flex vertical gap={8}>
            {mine.slice(0, 5).map((r) => (
              <Link key={r.number} to={trackPath(r.number, r.token)} className="linli-public-link">
                <span style={{ fontFamily: 'monospace' }}>{r.number}</span>
                <Typography.Text type="secondary">{r.category}</Typography.Text>
              </Link>
            ))}
          </Flex>
        </PublicSection>
      ) : null}
    </Form>
  );
}

function ReportDone({ done, onAgain }: { done: Done; onAgain: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const path = trackPath(done.number, done.token);
  const full = `${window.location.origin}${path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(full);
      message.success(t('pub.report.copied'));
    } catch {
      message.info(full);
    }
  };
  return (
    <div
      className="linli-public-card"
      style={{ textAlign: 'center', padding: '28px 16px' }}
      data-testid="report-done"
    >
      <CheckCircleFilled style={{ fontSize: 56, color: '#389e0d' }} />
      <Typography.Title level={4} style={{ margin: '12px 0 4px' }}>
        {t('pub.report.received')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('pub.report.numberLabel')}</Typography.Text>
      <div className="linli-public-number" data-testid="report-number">
        {done.number}
      </div>
      <Alert
        type="info"
        showIcon
        style={{ textAlign: 'left', margin: '12px 0 16px' }}
        title={t('pub.report.keepLink')}
        description={<span style={{ wordBreak: 'break-all', fontSize: 13 }}>{full}</span>}
      />
      <Flex vertical gap={10}>
        <Link to={path} className="linli-public-button" data-testid="report-track-link">
          {t('pub.report.track')}
        </Link>
        <Button size="large" block icon={<CopyOutlined />} onClick={copy} data-testid="report-copy">
          {t('pub.report.copy')}
        </Button>
        <Button size="large" block type="text" onClick={onAgain}>
          {t('pub.report.again')}
        </Button>
      </Flex>
    </div>
  );
}
