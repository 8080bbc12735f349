import { useQuery } from '@tanstack/react-query';
import { Card, List, Rate, Space, Typography } from 'antd';
import type { DoorstepRatingsDto } from '../../../shared/contracts/projects.doorstep.ratings';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';

/**
 * 居民评价 on a doorstep project's page (seed 004 三(三): residents as evaluators): the average, how many
 * rated, and their comments under a masked name (居民 张*丰).
 */
export function DoorstepRatingsCard({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['projects', 'doorstep', 'ratings', id],
    queryFn: () =>
      api.get<Wire<DoorstepRatingsDto>>(`/api/projects/doorstep/${encodeURIComponent(id)}/ratings`),
  });
  const r = q.data;
  return (
    <Card
      size="small"
      title={t('projects.doorstep.rating.title')}
      data-testid="doorstep-ratings"
      loading={!r}
    >
      {r ? (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          {r.count ? (
            <Space wrap>
              <Rate disabled allowHalf value={Math.round((r.average ?? 0) * 2) / 2} />
              <Typography.Text strong>
                {t('projects.doorstep.rating.summary', { avg: (r.average ?? 0).toFixed(1), n: r.count })}
              </Typography.Text>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('projects.doorstep.rating.none')}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('projects.doorstep.rating.hint')}
          </Typography.Text>
          {r.items.length ? (
            <List
              size="small"
              dataSource={r.items}
              pagination={r.items.length > 5 ? { pageSize: 5, size: 'small' } : false}
              renderItem={(i) => (
                <List.Item key={i.id}>
                  <Space direction="vertical" size={0}>
                    <Space wrap size={8}>
                      <Rate disabled value={i.stars} style={{ fontSize: 12 }} />
                      <Typography.Text type="secondary">
                        {i.raterName}，{formatDate(i.updatedAt)}
                      </Typography.Text>
                    </Space>
                    <Typography.Text type={i.comment ? undefined : 'secondary'}>
                      {i.comment ?? t('projects.doorstep.rating.noComment')}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          ) : null}
        </Space>
      ) : null}
    </Card>
  );
}
