import { EnvironmentOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { WO_ACTIONS } from '../../../shared/contracts/workOrderMachine';
import { useAuth } from '../../app/auth';
import { ProxyInfoView } from '../../app/components/ProxyFields';
import { QueryBoundary } from '../../app/components/Status';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dsApi } from '../disputes/api';
import { orgApi, orgKeys } from '../org/api';
import { ActionModal } from './ActionModal';
import { type WoAction, type WorkOrderDetail, type WoStatus, woApi, woKeys } from './api';
import { categoryLabel, DANGER_ACTIONS, PRIMARY_ACTIONS, PriorityTag, StatusTag } from './meta';
import { Deadline, EstimatedMark, PendingExtension, Photos } from './parts';
import PointMap, { type MapShape } from './PointMap';
import { useMapSettings } from '../../app/map/settings';

export default function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery({ queryKey: woKeys.detail(id), queryFn: () => woApi.detail(id) });
  return (
    <QueryBoundary query={detail} skeletonRows={14}>
      {(o) => <Detail order={o} />}
    </QueryBoundary>
  );
}

const EVENT_COLORS: Record<string, string> = {
  intake: 'blue',
  dispatch: 'blue',
  reassign: 'blue',
  accept: 'green',
  reply: 'green',
  answer: 'green',
  close: 'green',
  follow_up: 'green',
  return: 'red',
  cancel: 'gray',
  divert: 'gray',
  link_duplicate: 'gray',
  escalate: 'red',
  overdue: 'red',
  remind: 'orange',
  supervise: 'orange',
  request_extension: 'orange',
};

const SATISFACTION_COLORS = { satisfied: 'green', basically_satisfied: 'gold', dissatisfied: 'red' } as const;

const TIMELINE_ONLY = ['intake', 'answer', 'escalate', 'overdue'] as const;

function useEventLabel() {
  const { t } = useI18n();
  return (action: string) =>
    (WO_ACTIONS as readonly string[]).includes(action)
      ? t(`wo.action.${action as WoAction}`)
      : (TIMELINE_ONLY as readonly string[]).includes(action)
        ? t(`wo.event.${action as (typeof TIMELINE_ONLY)[number]}`)
        : action;
}

const statusKey = (s: string) => `wo.status.${s}` as MessageKey;

/** One section of the work order page: a small titled card, spaced from the next. */
function Section({ title, testId, children }: { title: ReactNode; testId?: string; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      {children}
    </Card>
  );
}

/** The org unit `id` names (none without an id), kept a minute; a unit out of reach is not asked again. */
function useUnit(id: string | null) {
  return useQuery({
    queryKey: orgKeys.detail(id ?? ''),
    queryFn: () => orgApi.detail(id!),
    enabled: !!id,
    staleTime: 60_000,
    retry: false,
  });
}

/** Where it happened: the point on a small map with the grid it falls in, and the address. */
function LocationCard({ order }: { order: WorkOrderDetail }) {
  const { t } = useI18n();
  const mapSettings = useMapSettings();
  const grid = useUnit(order.gridId);
  const community = useUnit(order.communityId);
  const shapes = useMemo<MapShape[]>(
    () =>
      grid.data
        ? [
            {
              id: grid.data.id,
              name: grid.data.name,
              boundary: grid.data.boundary,
              lat: grid.data.lat,
              lng: grid.data.lng,
              highlight: true,
              label: false,
            },
          ]
        : [],
    [grid.data],
  );
  const point = order.lat !== null && order.lng !== null ? { lat: order.lat, lng: order.lng } : null;
  return (
    <Section title={t('wo.section.location')} testId="wo-location">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        {point ? (
          <PointMap
            value={point}
            shapes={shapes}
            settings={mapSettings}
            height={200}
            testId="wo-detail-map"
          />
        ) : null}
        <Typography.Text>
          <EnvironmentOutlined />{' '}
          {order.address ?? (point ? `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}` : '—')}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[community.data?.name, grid.data?.name].filter(Boolean).join(' · ') || t('wo.noTerritory')}
        </Typography.Text>
      </Space>
    </Section>
  );
}

function Detail({ order: o }: { order: WorkOrderDetail }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const eventLabel = useEventLabel();
  const [active, setActive] = useState<WoAction | null>(null);
  const categories = useQuery({ queryKey: woKeys.categories, queryFn: woApi.categories, staleTime: 300_000 });
  const photoIds = [...new Set(o.timeline.flatMap((e) => e.attachments))];
  const intakePhotos = o.timeline.find((e) => e.action === 'intake')?.attachments ?? [];

  // Forward steps first, the ways out last; only what the API allows (detail.actions).
  // participant_report is allowed by the state alone; without a called department it could only fail.
  const waiting = o.participants.some((p) => p.status !== 'reported');
  const actions = [...o.actions]
    .filter((a) => a !== 'participant_report' || waiting)
    .sort(
      (a, b) =>
        Number(PRIMARY_ACTIONS.has(b)) - Number(PRIMARY_ACTIONS.has(a)) ||
        Number(DANGER_ACTIONS.has(a)) - Number(DANGER_ACTIONS.has(b)),
    );

  const items: { key: string; label: string; children: ReactNode; span?: number }[] = [
    { key: 'kind', label: t('wo.kind'), children: t(`wo.kind.${o.kind}`) },
    {
      key: 'category',
      label: t('wo.category'),
      children: categoryLabel(locale, categories.data, o.categoryCode, o.categoryName),
    },
    { key: 'channel', label: t('wo.channel'), children: t(`wo.channel.${o.channel}` as MessageKey) },
    {
      key: 'unit',
      label: t('wo.unit'),
      children: <span data-testid="wo-unit">{o.orgUnitName ?? '—'}</span>,
    },
    { key: 'createdAt', label: t('wo.createdAt'), children: formatDateTime(o.createdAt) },
    {
      key: 'acceptDueAt',
      label: t('wo.acceptDueAt'),
      children:
        o.status === 'dispatched' ? (
          <Deadline order={o} at={o.acceptDueAt} estimated={o.acceptDeadlineEstimated} />
        ) : o.acceptedAt ? (
          t('wo.acceptedAtValue', { at: formatDateTime(o.acceptedAt).slice(0, 16) })
        ) : o.acceptDueAt ? (
          <>
            {formatDateTime(o.acceptDueAt).slice(0, 16)}
            {o.acceptDeadlineEstimated ? <EstimatedMark /> : null}
          </>
        ) : (
          '—'
        ),
    },
    { key: 'dueAt', label: t('wo.dueAt'), children: <Deadline order={o} /> },
    {
      key: 'repliedAt',
      label: t('wo.repliedAt'),
      children: o.repliedAt ? formatDateTime(o.repliedAt).slice(0, 16) : '—',
    },
    {
      key: 'requester',
      label: t('wo.requester'),
      children: (
        <Space size={12} wrap>
          <span>
            <UserOutlined /> {o.requesterName ?? o.proxy?.principalName ?? t('wo.anonymous')}
          </span>
          {o.requesterPhone ? (
            <span style={{ fontFamily: 'monospace' }}>
              <PhoneOutlined /> {o.requesterPhone}
            </span>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'level',
      label: t('wo.resolutionLevel'),
      children: o.resolutionLevel ? t(`wo.level.${o.resolutionLevel}`) : '—',
    },
  ];

  return (
    <div data-testid="wo-detail" data-status={o.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { key: 'list', title: <Link to="/work-orders">{t('wo.title')}</Link> },
          { key: 'me', title: o.number },
        ]}
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <Space align="center" wrap size={8}>
            <Typography.Title
              level={4}
              style={{ margin: 0, fontFamily: 'monospace' }}
              data-testid="wo-number"
            >
              {o.number}
            </Typography.Title>
            <StatusTag status={o.status} testId="wo-status" />
            <PriorityTag priority={o.priority} />
            {o.supervised ? <Tag color="red">{t('wo.supervisedTag')}</Tag> : null}
            {o.redoCount > 0 ? <Tag color="volcano">{t('wo.redoTag', { n: o.redoCount })}</Tag> : null}
            {o.reminders > 0 ? <Tag color="gold">{t('wo.remindersTag', { n: o.reminders })}</Tag> : null}
            {o.escalationLevel > 0 ? (
              <Tag color="magenta">{t('wo.escalatedTag', { n: o.escalationLevel })}</Tag>
            ) : null}
          </Space>
          <Space wrap data-testid="wo-actions">
            {actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY_ACTIONS.has(a) ? 'primary' : 'default'}
                danger={DANGER_ACTIONS.has(a)}
                onClick={() => setActive(a)}
                data-testid={`wo-action-${a}`}
              >
                {t(`wo.action.${a}`)}
              </Button>
            ))}
            {actions.length === 0 ? (
              <Typography.Text type="secondary" data-testid="wo-no-actions">
                {t('wo.noActions')}
              </Typography.Text>
            ) : null}
          </Space>
          {can('participation.propose') ? (
            <Link to={`/topics?workOrderId=${o.id}`} data-testid="wo-to-topic">
              <Button>{t('wo.toTopic')}</Button>
            </Link>
          ) : null}
          <DisputeLinks orderId={o.id} />
        </Flex>
        {o.pendingExtension ? (
          <PendingExtension extension={o.pendingExtension} style={{ marginTop: 12 }} />
        ) : null}
        {o.duplicateOfId ? (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={<Link to={`/work-orders/${o.duplicateOfId}`}>{t('wo.duplicateOfLink')}</Link>}
          />
        ) : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <ProxyInfoView proxy={o.proxy} />
          <Section title={t('wo.section.matter')}>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', fontSize: 15, marginBottom: 12 }}
              data-testid="wo-description"
            >
              {o.description}
            </Typography.Paragraph>
            {intakePhotos.length ? (
              <div style={{ marginBottom: 12 }}>
                <Photos ids={intakePhotos} />
              </div>
            ) : null}
            <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={items} />
          </Section>
          <Section title={t('wo.section.timeline')}>
            <Timeline
              data-testid="wo-timeline"
              items={o.timeline.map((e, i) => ({
                key: `${e.at}-${i}`,
                color: EVENT_COLORS[e.action] ?? 'blue',
                content: (
                  <div data-testid="wo-timeline-item" data-action={e.action}>
                    <Flex gap={8} wrap align="baseline">
                      <Typography.Text strong>{eventLabel(e.action)}</Typography.Text>
                      <Typography.Text type="secondary">{e.actorName ?? t('wo.system')}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(e.at)}
                      </Typography.Text>
                      {e.toStatus && e.toStatus !== e.fromStatus ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.fromStatus ? `${t(statusKey(e.fromStatus))} → ` : ''}
                          {t(statusKey(e.toStatus))}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                    {e.note ? (
                      <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Typography.Paragraph>
                    ) : null}
                    {e.publicNote && e.publicNote !== e.note ? (
                      <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }}>
                        {t('wo.publicNote')}
                        {e.publicNote}
                      </Typography.Paragraph>
                    ) : null}
                    {e.attachments.length && e.action !== 'intake' ? (
                      <div style={{ marginTop: 6 }}>
                        <Photos ids={e.attachments} size={64} />
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Section>
        </Col>
        <Col xs={24} xl={8}>
          <LocationCard order={o} />
          {o.followups.length || o.status === 'replied' || o.status === 'closed' ? (
            <Section title={t('wo.section.followups')} testId="wo-followups">
              {o.followups.length ? (
                o.followups.map((f) => (
                  <Flex vertical gap={2} key={f.cycle} className="linli-list-item" data-testid="wo-followup">
                    <Space wrap size={4}>
                      <Typography.Text strong>{t('wo.followup.cycle', { n: f.cycle })}</Typography.Text>
                      <Tag>
                        {t(f.source === 'requester' ? 'wo.followup.byRequester' : 'wo.followup.byStaff')}
                      </Tag>
                      <Tag color={f.resolved ? 'green' : 'red'}>
                        {t(f.resolved ? 'wo.followup.resolvedYes' : 'wo.followup.resolvedNo')}
                      </Tag>
                      <Tag color={SATISFACTION_COLORS[f.satisfaction]}>
                        {t(`wo.satisfaction.${f.satisfaction}`)}
                      </Tag>
                      {f.unitFault ? <Tag color="volcano">{t('wo.followup.redo')}</Tag> : null}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(f.at)}
                    </Typography.Text>
                  </Flex>
                ))
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('wo.followup.none')} />
              )}
            </Section>
          ) : null}
          {o.participants.length ? (
            <Section title={t('wo.section.participants')} testId="wo-participants">
              {o.participants.map((p) => (
                <Flex vertical gap={2} key={p.id} className="linli-list-item" data-testid="wo-participant">
                  <Flex justify="space-between">
                    <Typography.Text strong>{p.department}</Typography.Text>
                    <Tag color={p.status === 'reported' ? 'green' : 'blue'}>
                      {t(p.status === 'reported' ? 'wo.participant.reported' : 'wo.participant.called')}
                    </Tag>
                  </Flex>
                  {p.report ? <Typography.Text type="secondary">{p.report}</Typography.Text> : null}
                </Flex>
              ))}
            </Section>
          ) : null}
          {o.possibleDuplicates.length ? (
            <Section title={t('wo.section.duplicates')} testId="wo-duplicates">
              {o.possibleDuplicates.map((d) => (
                <Flex
                  key={d.id}
                  justify="space-between"
                  align="center"
                  className="linli-list-item"
                  data-testid="wo-duplicate-item"
                >
                  <Space orientation="vertical" size={0}>
                    <Link to={`/work-orders/${d.id}`} style={{ fontFamily: 'monospace' }}>
                      {d.number}
                    </Link>
                    {d.distanceM !== null ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('wo.distance', { m: d.distanceM })}
                      </Typography.Text>
                    ) : null}
                  </Space>
                  <StatusTag status={d.status as WoStatus} />
                </Flex>
              ))}
            </Section>
          ) : null}
          {photoIds.length > intakePhotos.length ? (
            <Section title={t('wo.section.allPhotos')}>
              <Photos ids={photoIds} size={72} />
            </Section>
          ) : null}
        </Col>
      </Row>
      <ActionModal order={o} action={active} onClose={() => setActive(null)} />
    </div>
  );
}

/** A work order that turns out to be a dispute: convert it (R-DS-1), and the disputes made from it. */
function DisputeLinks({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const linked = useQuery({
    queryKey: ['disputes', 'byWorkOrder', orderId],
    queryFn: () => dsApi.list({ workOrderId: orderId }),
    enabled: can('disputes.read'),
  });
  return (
    <>
      {(linked.data?.items ?? []).map((d) => (
        <Link key={d.id} to={`/disputes/${d.id}`} data-testid="wo-dispute-link">
          <Button type="link">{t('wo.disputeLink', { number: d.number })}</Button>
        </Link>
      ))}
      {can('disputes.register') && !linked.data?.items.length ? (
        <Link to={`/disputes?workOrderId=${orderId}`} data-testid="wo-to-dispute">
          <Button>{t('wo.toDispute')}</Button>
        </Link>
      ) : null}
    </>
  );
}
