import { LeftOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { type MessageKey, useI18n } from '../../../app/i18n';
import type { Order } from '../api';
import { STATUS_COLORS, labelOf } from '../meta';

export { RequireLogin } from '../../../app/components/RequireLogin';

export function BackLink({ to }: { to: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, marginBottom: 8 }}>
      <LeftOutlined /> {t('services.m.back')}
    </Link>
  );
}

/** One order as a tappable card on the phone. */
export function OrderCard({ o, to, extra }: { o: Order; to: string; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="linli-public-card" data-testid="order-card">
      <Link to={to} style={{ color: 'inherit', display: 'block' }}>
        <Flex justify="space-between" align="start" gap={8}>
          <Typography.Text strong style={{ fontSize: 17 }}>
            {o.title}
          </Typography.Text>
          <Tag color={STATUS_COLORS[o.status]} style={{ marginInlineEnd: 0 }} data-testid="order-status">
            {t(`services.status.${o.status}` as MessageKey)}
          </Tag>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block', marginTop: 4 }}>
          {labelOf(t, 'services.category', o.category)} · {t('services.field.beneficiary')}:
          {o.beneficiaryName}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
          {o.number} · {formatDateTime(o.createdAt)}
        </Typography.Text>
        {o.assigneeName ? (
          <Typography.Text style={{ fontSize: 13, display: 'block' }}>
            {t('services.m.by', { name: o.assigneeName })}
          </Typography.Text>
        ) : null}
      </Link>
      {extra ? <div style={{ marginTop: 12 }}>{extra}</div> : null}
    </div>
  );
}
