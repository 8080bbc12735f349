import { FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Image,
  Input,
  Result,
  Skeleton,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { type MessageKey, useI18n } from '../../../app/i18n';
import {
  type PublicWorkOrder,
  publicApi,
  type RatingInput,
  type TrackProof,
  type WoStatus,
  woKeys,
} from '../api';
import { STATUS_COLORS } from '../meta';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';

const STEPS = ['submitted', 'dispatched', 'in_progress', 'replied', 'closed'] as const;
const STEP_OF: Record<WoStatus, number> = {
  submitted: 0,
  return_requested: 0,
  dispatched: 1,
  in_progress: 2,
  extension_pending: 2,
  replied: 3,
  closed: 4,
  cancelled: 4,
  duplicate: 4,
  diverted: 4,
};
const ENDED_ELSEWHERE: readonly WoStatus[] = ['cancelled', 'duplicate', 'diverted'];

/**
 * The requester follows their report and rates the result: with the link they kept (number + its secret),
 * or by typing the order number and the last four digits of the phone they gave (issue 17).
 */
export default function TrackPage() {
  const { t } = useI18n();
  const { number: pathNumber = '' } = useParams();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [lookup, setLookup] = useState<{ number: string; phoneLast4: string } | null>(null);
  const number = lookup?.number ?? pathNumber;
  const proof: TrackProof | null = lookup ? { phoneLast4: lookup.phoneLast4 } : token ? { token } : null;
  const order = useQuery({
    queryKey: woKeys.track(number, proof ?? { token: '' }),
    queryFn: () => publicApi.track(number, proof!),
    enabled: !!proof,
    // A wrong pair is not worth asking again: guesses are limited per number.
    retry: false,
    refetchInterval: 60_000,
  });
  const notFound = order.isError && order.error instanceof ApiError && order.error.status === 404;

  let body: ReactNode;
  if (!proof || notFound || (lookup && order.isError)) {
    const error = !order.isError
      ? null
      : !lookup
        ? t('pub.track.notFoundText')
        : notFound
          ? t('pub.track.lookupNotFound')
          : order.error instanceof Error
            ? order.error.message
            : '';
    body = (
      <LookupForm
        initialNumber={number}
        error={error}
        loading={!!lookup && order.isFetching}
        onSubmit={(n, last4) => setLookup({ number: n, phoneLast4: last4 })}
      />
    );
  } else if (order.isError) {
    body = (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={order.error instanceof Error ? order.error.message : ''}
        extra={
          <Button size="large" onClick={() => order.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  } else if (!order.data) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    body = <TrackBody order={order.data} proof={proof} />;
  }
  return <PublicShell title={t('pub.track.title')}>{body}</PublicShell>;
}

/** Order number + last four digits of the phone: the resident's way in without the link. */
function LookupForm({
  initialNumber,
  error,
  loading,
  onSubmit,
}: {
  initialNumber: string;
  error: string | null;
  loading: boolean;
  onSubmit: (number: string, phoneLast4: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ number: string; phoneLast4: string }>();
  return (
    <PublicSection title={t('pub.track.lookupTitle')} testId="track-lookup">
      <Typography.Paragraph type="secondary" style={{ fontSize: 15 }}>
        {t('pub.track.lookupIntro')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ number: initialNumber, phoneLast4: '' }}
        onFinish={(v) => onSubmit(v.number.trim().toUpperCase(), v.phoneLast4)}
      >
        <Form.Item
          name="number"
          label={t('pub.track.numberLabel')}
          rules={[{ required: true, whitespace: true, message: t('pub.track.numberRequired') }]}
        >
          <Input
            size="large"
            autoComplete="off"
            placeholder={t('pub.track.numberPlaceholder')}
            style={{ fontSize: 16 }}
            data-testid="track-number-input"
          />
        </Form.Item>
        <Form.Item
          name="phoneLast4"
          label={t('pub.track.last4Label')}
          rules={[{ required: true, pattern: /^\d{4}$/, message: t('pub.track.last4Required') }]}
        >
          <Input
            size="large"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            style={{ fontSize: 16 }}
            data-testid="track-last4-input"
          />
        </Form.Item>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 12 }}
            data-testid="track-not-found"
          />
        ) : null}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={loading}
          className="linli-public-submit"
          data-testid="track-lookup-submit"
        >
          {t('pub.track.lookupSubmit')}
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        <Link to="/report">{t('pub.track.newReport')}</Link>
      </Flex>
    </PublicSection>
  );
}

function TrackBody({ order: o, proof }: { order: PublicWorkOrder; proof: TrackProof }) {
  const { t } = useI18n();
  const step = STEP_OF[o.status];
  const elsewhere = ENDED_ELSEWHERE.includes(o.status);
  return (
    <div data-testid="track-page" data-status={o.status}>
      <section className="linli-public-card">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <span
            className="linli-public-number"
            style={{ fontSize: 20, margin: 0 }}
            data-testid="track-number"
          >
            {o.number}
          </span>
          <Tag
            color={STATUS_COLORS[o.status]}
            style={{ fontSize: 15, padding: '4px 10px', marginInlineEnd: 0 }}
            data-testid="track-status"
            data-status={o.status}
          >
            {t(`pub.status.${o.status}`)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
          {t(`wo.kind.${o.kind}`)} · {o.categoryName ?? ''} · {formatDateTime(o.createdAt).slice(0, 16)}
        </Typography.Text>
        <Typography.Paragraph
          style={{ margin: '10px 0 0', fontSize: 15, whiteSpace: 'pre-wrap' }}
          ellipsis={{ rows: 3, expandable: true, symbol: t('pub.track.more') }}
        >
          {o.description}
        </Typography.Paragraph>
        {o.dueAt && !o.closedAt ? (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 13 }}>
            {t('pub.track.dueAt', { at: formatDateTime(o.dueAt).slice(0, 16) })}
            {o.deadlineEstimated ? t('wo.deadline.estimated') : null}
          </Typography.Text>
        ) : null}
      </section>
      <section className="linli-public-card" data-testid="track-steps">
        <Steps
          size="small"
          titlePlacement="vertical"
          responsive={false}
          current={step}
          status={elsewhere ? 'finish' : o.status === 'closed' ? 'finish' : 'process'}
          items={STEPS.map((s, i) => ({
            title: i === 4 && elsewhere ? t(`pub.status.${o.status}`) : t(`pub.step.${s}`),
          }))}
        />
      </section>
      {o.canRate ? <RatingForm order={o} proof={proof} /> : null}
      <PublicSection title={t('pub.track.progress')}>
        <Timeline
          data-testid="track-timeline"
          reverse
          items={o.timeline.map((e, i) => ({
            key: `${e.at}-${i}`,
            color: i === o.timeline.length - 1 ? 'blue' : 'gray',
            content: (
              <div data-testid="track-timeline-item">
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {e.text ?? (e.status ? t(`pub.status.${e.status}` as MessageKey) : '')}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {formatDateTime(e.at).slice(0, 16)}
                </Typography.Text>
                {e.photos.length > 0 ? (
                  <Image.PreviewGroup>
                    <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="track-photos">
                      {e.photos.map((id) => (
                        <Image
                          key={id}
                          width={72}
                          height={72}
                          style={{ objectFit: 'cover', borderRadius: 6 }}
                          src={publicApi.photoUrl(o.number, id, proof)}
                          alt={t('pub.track.photo')}
                        />
                      ))}
                    </Flex>
                  </Image.PreviewGroup>
                ) : null}
              </div>
            ),
          }))}
        />
      </PublicSection>
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Link to="/report">{t('pub.track.newReport')}</Link>
      </Flex>
    </div>
  );
}

type Satisfaction = RatingInput['satisfaction'];
// Typed as a full record of the contract's values, without importing the zod schemas into the phone page.
const FACES: Record<Satisfaction, ReactNode> = {
  satisfied: <SmileOutlined />,
  basically_satisfied: <MehOutlined />,
  dissatisfied: <FrownOutlined />,
};
const SATISFACTION = Object.keys(FACES) as Satisfaction[];

function RatingForm({ order, proof }: { order: PublicWorkOrder; proof: TrackProof }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The unit's latest answer, which is what the resident rates.
  const reply = [...order.timeline].reverse().find((e) => e.status === 'replied');

  const submit = async () => {
    if (resolved === null || !satisfaction) {
      setError(t('pub.rate.incomplete'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await publicApi.rate(order.number, {
        ...proof,
        resolved,
        satisfaction,
        comment: comment.trim() || undefined,
      });
      qc.setQueryData(woKeys.track(order.number, proof), updated);
      message.success(updated.status === 'closed' ? t('pub.rate.thanksClosed') : t('pub.rate.thanksRedo'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      await qc.invalidateQueries({ queryKey: woKeys.track(order.number, proof) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <PublicSection title={t('pub.rate.title')} testId="rate-form">
      {reply?.text ? (
        <div className="linli-public-reply" data-testid="rate-reply">
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('pub.rate.replyLabel', { at: formatDateTime(reply.at).slice(0, 16) })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: '4px 0 0', fontSize: 15, whiteSpace: 'pre-wrap' }}>
            {reply.text}
          </Typography.Paragraph>
        </div>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {t('pub.rate.intro')}
      </Typography.Paragraph>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8, fontSize: 15 }}>
        {t('pub.rate.resolvedQ')}
      </Typography.Text>
      <div className="linli-choice-grid" style={{ marginBottom: 16 }}>
        {[true, false].map((v) => (
          <button
            key={String(v)}
            type="button"
            className="linli-choice linli-choice-center"
            aria-pressed={resolved === v}
            onClick={() => setResolved(v)}
            data-testid={v ? 'rate-resolved-yes' : 'rate-resolved-no'}
          >
            <span className="linli-choice-title">
              {v ? t('pub.rate.resolvedYes') : t('pub.rate.resolvedNo')}
            </span>
          </button>
        ))}
      </div>
      <Typography.Text strong style={{ display: 'block', marginBottom: 8, fontSize: 15 }}>
        {t('pub.rate.satisfactionQ')}
      </Typography.Text>
      <div className="linli-choice-grid linli-choice-grid-3" style={{ marginBottom: 16 }}>
        {SATISFACTION.map((s) => (
          <button
            key={s}
            type="button"
            className={`linli-choice linli-choice-center linli-face-${s}`}
            aria-pressed={satisfaction === s}
            onClick={() => setSatisfaction(s)}
            data-testid={`rate-${s}`}
          >
            <span style={{ fontSize: 26 }}>{FACES[s]}</span>
            <span className="linli-choice-title" style={{ fontSize: 14 }}>
              {t(`wo.satisfaction.${s}`)}
            </span>
          </button>
        ))}
      </div>
      <Input.TextArea
        rows={3}
        maxLength={500}
        showCount
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('pub.rate.commentPlaceholder')}
        style={{ fontSize: 16, marginBottom: 16 }}
        data-testid="rate-comment"
      />
      {satisfaction === 'dissatisfied' && resolved === false ? (
        <Alert type="info" showIcon title={t('pub.rate.redoNotice')} style={{ marginBottom: 12 }} />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="rate-error" />
      ) : null}
      <Button
        type="primary"
        size="large"
        block
        loading={saving}
        onClick={submit}
        className="linli-public-submit"
        data-testid="rate-submit"
      >
        {t('pub.rate.submit')}
      </Button>
    </PublicSection>
  );
}
