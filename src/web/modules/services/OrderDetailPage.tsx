import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Rate,
  Row,
  Space,
  Steps,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { ProxyInfoView } from '../../app/components/ProxyFields';
import { ErrorResult, NotFoundResult, PageLoading } from '../../app/components/Status';
import { formatDateTime } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { ApiError } from '../../app/api';
import { type SoStatus, svcApi, svcKeys } from './api';
import { StatusTag, actionLabel, labelOf, minutesText } from './meta';
import { CandidatesDrawer, OrderActions } from './parts';

const FLOW: SoStatus[] = ['ordered', 'dispatched', 'accepted', 'in_service', 'served', 'confirmed'];

/** One service order: who ordered for whom, who serves, the timeline, and the buttons the state machine allows. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [dispatching, setDispatching] = useState(false);
  const q = useQuery({ queryKey: svcKeys.order(id), queryFn: () => svcApi.order(id) });
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <NotFoundResult />
    ) : (
      <ErrorResult error={q.error} onRetry={() => q.refetch()} />
    );
  const o = q.data;
  const step = Math.max(0, FLOW.indexOf(o.status === 'closed' ? 'confirmed' : o.status));
  return (
    <>
      <PageHeader
        title={
          <Space>
            <Link to="/services/orders">
              <ArrowLeftOutlined />
            </Link>
            {o.title}
            <StatusTag status={o.status} t={t} />
          </Space>
        }
        subtitle={`${o.number} · ${o.communityName ?? ''}`}
      />
      {o.alert && o.status === 'ordered' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t(`services.alert.${o.alert}` as MessageKey)}
        />
      ) : null}
      {o.status !== 'cancelled' ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Steps
            size="small"
            current={step}
            items={FLOW.map((s) => ({ title: t(`services.status.${s}` as MessageKey) }))}
          />
        </Card>
      ) : null}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <ProxyInfoView proxy={o.proxy} />
          <Card size="small" title={t('services.field.title')}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('services.field.category')}>
                {labelOf(t, 'services.category', o.category)}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.orderedBy')}>
                {o.orderedByName} {o.onBehalf ? <Tag>{t('services.field.onBehalf')}</Tag> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.beneficiary')}>
                {o.proxy?.principalName ?? o.beneficiaryName}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.phone')}>
                {o.beneficiaryPhone ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.address')} span={2}>
                {o.beneficiaryAddress ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.preferredAt')}>
                {o.preferredAt ? formatDateTime(o.preferredAt) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.createdAt')}>
                {formatDateTime(o.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('services.field.assignee')}>
                {o.assigneeName ? (
                  <>
                    {o.assigneeName} <Tag>{labelOf(t, 'services.provider', o.assigneeType)}</Tag>
                  </>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              {o.status === 'dispatched' && o.acceptDueAt ? (
                <Descriptions.Item label={t('services.field.acceptDueAt')}>
                  {formatDateTime(o.acceptDueAt)}
                </Descriptions.Item>
              ) : null}
              {o.servedMinutes ? (
                <Descriptions.Item label={t('services.field.served')}>
                  {minutesText(t, o.servedMinutes)} ({formatDateTime(o.checkInAt)} –{' '}
                  {formatDateTime(o.checkOutAt)})
                </Descriptions.Item>
              ) : null}
              {o.rating ? (
                <Descriptions.Item label={t('services.field.rating')} span={2}>
                  <Rate disabled value={o.rating} /> {o.ratingComment}
                </Descriptions.Item>
              ) : null}
              {o.description ? (
                <Descriptions.Item label={t('services.field.description')} span={2}>
                  {o.description}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            {o.status === 'confirmed' || o.status === 'closed' ? (
              o.assigneeType === 'volunteer' ? (
                <Alert
                  type="success"
                  showIcon
                  message={t('services.detail.credited')}
                  style={{ marginTop: 8 }}
                />
              ) : null
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('services.detail.actions')} style={{ marginBottom: 12 }}>
            {o.actions.length ? (
              <OrderActions order={o} onDispatch={() => setDispatching(true)} />
            ) : (
              <Typography.Text type="secondary">{t('services.detail.noActions')}</Typography.Text>
            )}
          </Card>
          <Card size="small" title={t('services.detail.timeline')}>
            <Timeline
              items={o.timeline.map((e) => ({
                color: e.action === 'timeout' || e.action === 'decline' ? 'red' : undefined,
                children: (
                  <div data-testid="timeline-item">
                    <Typography.Text strong>{actionLabel(t, e.action)}</Typography.Text>{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(e.at)} · {e.actorName}
                    </Typography.Text>
                    {e.note ? <div>{e.note}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      <CandidatesDrawer order={dispatching ? o : null} onClose={() => setDispatching(false)} />
      <Button type="link" style={{ paddingLeft: 0, marginTop: 12 }}>
        <Link to="/services/orders">{t('services.detail.back')}</Link>
      </Button>
    </>
  );
}
