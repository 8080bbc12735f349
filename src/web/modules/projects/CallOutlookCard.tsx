import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { evaluationApi } from './evaluationApi';
import { SectionCard } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

/**
 * A published call's results per subdistrict/town and what they mean for next year (R-PJ-4): pilots, final
 * evaluation grades, the change the call's rules give each grade and the quota they propose. The bureau only;
 * shown nowhere else (the request is refused for others and the card stays hidden).
 */
export function CallOutlookCard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['projects', 'call-outlook', callId],
    queryFn: () => evaluationApi.outlook(callId),
    retry: false,
  });
  const o = q.data;
  if (!o) return null;
  const gradeName = (key: string) => o.bands.find((b) => b.key === key)?.name ?? key;
  return (
    <SectionCard title={t('projects.outlook.title')} data-testid="call-outlook">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('projects.outlook.hint')}
      </Typography.Paragraph>
      <SmallTable
        rowKey="unitId"
        dataSource={o.rows}
        columns={[
          { title: t('projects.quota.unit'), dataIndex: 'name' },
          { title: t('projects.outlook.pilots'), dataIndex: 'pilots', align: 'right' },
          {
            title: t('projects.quota.grades'),
            key: 'grades',
            render: (_, r) => (
              <Space size={4} wrap>
                {Object.entries(r.grades).map(([k, n]) => (
                  <Tag key={k}>
                    {gradeName(k)}×{n}
                  </Tag>
                ))}
                {r.unevaluated > 0 ? (
                  <Tag color="warning">{t('projects.outlook.unevaluated', { n: r.unevaluated })}</Tag>
                ) : null}
              </Space>
            ),
          },
          {
            title: t('projects.quota.delta'),
            dataIndex: 'delta',
            align: 'right',
            render: (n: number) => (n > 0 ? `+${n}` : String(n)),
          },
          { title: t('projects.outlook.proposed'), dataIndex: 'proposed', align: 'right' },
        ]}
      />
    </SectionCard>
  );
}
