import { PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Rate, Skeleton, Steps, Timeline, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { NotFoundResult } from '../../../app/components/Status';
import { formatDateTime } from '../../../app/format';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { PublicSection, PublicShell } from '../../../app/components/PublicShell';
import { type SoStatus, svcApi, svcKeys } from '../api';
import { actionLabel, labelOf, minutesText } from '../meta';
import { OrderActions } from '../parts';
import { BackLink, OrderCard, RequireLogin } from './mobile';

/** /m/orders: the orders I placed. */
export default function MobileOrdersPage() {
  return (
    <RequireLogin>
      <MyOrders />
    </RequireLogin>
  );
}

function MyOrders() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: svcKeys.myOrders, queryFn: svcApi.myOrders, refetchInterval: 30_000 });
  return (
    <PublicShell title={t('services.m.orders')}>
      <BackLink to="/m" />
      {list.isPending ? (
        <Skeleton active />
      ) : list.data?.items.length ? (
        list.data.items.map((o) => <OrderCard key={o.id} o={o} to={`/m/orders/${o.id}`} />)
      ) : (
        <div className="linli-public-card">
          <Empty description={t('services.m.noOrders')}>
            <Link to="/m/services">{t('services.m.services')}</Link>
          </Empty>
        </div>
      )}
    </PublicShell>
  );
}

const FLOW: SoStatus[] = ['ordered', 'dispatched', 'accepted', 'in_service', 'served', 'confirmed'];

/** /m/orders/:id: follow one order, confirm and rate it when served (also the server's view from /m/tasks). */
export function MobileOrderDetailPage() {
  return (
    <RequireLogin>
      <OrderDetail />
    </RequireLogin>
  );
}

function OrderDetail() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const q = useQuery({
    queryKey: svcKeys.order(id),
    queryFn: () => svcApi.order(id),
    refetchInterval: 30_000,
  });
  if (q.isError && q.error instanceof ApiError && q.error.status === 404)
    return (
      <PublicShell title={t('services.m.orders')}>
        <NotFoundResult />
      </PublicShell>
    );
  const o = q.data;
  const step = o ? Math.max(0, FLOW.indexOf(o.status === 'closed' ? 'confirmed' : o.status)) : 0;
  const back = params.get('from') === 'tasks' ? '/m/tasks' : '/m/orders';
  return (
    <PublicShell title={o?.title ?? t('services.m.orders')}>
      <BackLink to={back} />
      {!o ? (
        <Skeleton active />
      ) : (
        <>
          <PublicSection
            title={t(`services.status.${o.status}` as MessageKey)}
            extra={<Typography.Text type="secondary">{o.number}</Typography.Text>}
            testId="order-status-card"
          >
            {o.status !== 'cancelled' ? (
              <Steps
                direction="vertical"
                size="small"
                current={step}
                items={FLOW.map((s) => ({ title: t(`services.status.${s}` as MessageKey) }))}
              />
            ) : null}
            {o.alert && o.status === 'ordered' ? (
              <Alert type="info" showIcon message={t(`services.alert.${o.alert}` as MessageKey)} />
            ) : null}
          </PublicSection>
          <PublicSection title={labelOf(t, 'services.category', o.category)}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('services.field.beneficiary')}:{o.beneficiaryName}
            </Typography.Paragraph>
            {o.beneficiaryPhone ? (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('services.field.phone')}:
                {/^\d+$/.test(o.beneficiaryPhone) ? (
                  <a href={`tel:${o.beneficiaryPhone}`}>
                    <PhoneOutlined /> {o.beneficiaryPhone}
                  </a>
                ) : (
                  o.beneficiaryPhone
                )}
              </Typography.Paragraph>
            ) : null}
            {o.beneficiaryAddress ? (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('services.field.address')}:{o.beneficiaryAddress}
              </Typography.Paragraph>
            ) : null}
            {o.preferredAt ? (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('services.field.preferredAt')}:{formatDateTime(o.preferredAt)}
              </Typography.Paragraph>
            ) : null}
            {o.assigneeName ? (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('services.m.by', { name: o.assigneeName })}
              </Typography.Paragraph>
            ) : null}
            {o.servedMinutes ? (
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('services.field.served')}:{minutesText(t, o.servedMinutes)}
              </Typography.Paragraph>
            ) : null}
            {o.description ? (
              <Typography.Paragraph type="secondary">{o.description}</Typography.Paragraph>
            ) : null}
            {o.rating ? (
              <div data-testid="rated">
                <Rate disabled value={o.rating} />{' '}
                <Typography.Text type="secondary">{o.ratingComment}</Typography.Text>
              </div>
            ) : null}
          </PublicSection>
          {o.actions.length ? (
            <PublicSection
              title={o.status === 'served' ? t('services.m.rateTitle') : t('services.detail.actions')}
            >
              <OrderActions order={o} size="large" block />
            </PublicSection>
          ) : null}
          <PublicSection title={t('services.detail.timeline')}>
            <Timeline
              items={[...o.timeline].reverse().map((e) => ({
                color: e.action === 'timeout' || e.action === 'decline' ? 'red' : 'blue',
                children: (
                  <>
                    <Typography.Text strong>{actionLabel(t, e.action)}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {formatDateTime(e.at)}
                    </Typography.Text>
                    {e.note ? <Typography.Text style={{ fontSize: 13 }}>{e.note}</Typography.Text> : null}
                  </>
                ),
              }))}
            />
          </PublicSection>
          <Button block size="large" href="/m">
            {t('services.m.home')}
          </Button>
        </>
      )}
    </PublicShell>
  );
}
