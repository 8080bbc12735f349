import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { svcApi, svcKeys } from './api';
import { labelOf } from './meta';

const SHOWN = 8;

/** Workbench panel: who is on duty today at the neighbour stations in the user's reach (R-SV-2). */
export function DutyPanel() {
  const { t } = useI18n();
  const { can } = useAuth();
  const start = dayjs().startOf('day');
  const q = { from: start.toISOString(), to: start.add(1, 'day').toISOString() };
  const slots = useQuery({
    queryKey: svcKeys.duty(q),
    queryFn: () => svcApi.duty(q),
    enabled: can('services.read'),
    staleTime: 60_000,
  });
  if (!can('services.read')) return null;
  const rows = slots.data ?? [];
  return (
    <Card
      size="small"
      title={t('services.duty.today')}
      extra={<Link to="/services/duty">{t('services.duty.all')}</Link>}
      loading={slots.isPending}
      data-testid="workbench-duty"
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('services.duty.noneToday')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={rows.slice(0, SHOWN)}
          renderItem={(s) => (
            <List.Item key={s.id} data-testid="workbench-duty-slot">
              <Typography.Text>
                {s.personName} <Tag>{labelOf(t, 'services.duty', s.personType)}</Tag>
              </Typography.Text>
              <Typography.Text type="secondary">
                {s.stationName ?? ''} {dayjs(s.startsAt).format('HH:mm')}–{dayjs(s.endsAt).format('HH:mm')}
              </Typography.Text>
            </List.Item>
          )}
          footer={
            rows.length > SHOWN ? (
              <Link to="/services/duty">{t('services.duty.more', { n: rows.length - SHOWN })}</Link>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
