import { useQuery } from '@tanstack/react-query';
import { Card, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { UrbanVillageRowDto, urbanVillageReportSchema } from '../../../shared/contracts/reports';
import type { z } from 'zod';
import { api } from '../../app/api';
import { EmptyHint, QueryBoundary } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { SmallTable } from '../../app/components/SmallTable';

type Report = z.infer<typeof urbanVillageReportSchema>;

/** Urban villages against seed 002's standards: sub-station (R-ORG-5), elderly care and welfare organisations (R-ORG-6). */
export default function UrbanVillagesCard() {
  const { label, t } = useI18n();
  const report = useQuery({
    queryKey: ['reports', 'urban-villages'],
    queryFn: () => api.get<Report>('/api/reports/urban-villages'),
  });
  const columns: TableColumnsType<UrbanVillageRowDto> = [
    {
      title: label('community'),
      dataIndex: 'communityName',
      render: (name: string, r) => (
        <Link
          to={`/reports/urban-villages/${r.communityId}`}
          title={t('uvp.open')}
          data-testid="uv-profile-link"
        >
          {name}
        </Link>
      ),
    },
    {
      title: label('distanceToCentreM'),
      dataIndex: 'distanceToCentreM',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    {
      title: label('hasSubStation'),
      render: (_, r) => (r.hasSubStation ? `${label('yes')}(${r.subStationStaff})` : label('no')),
    },
    {
      title: label('elderlyCareFacilities'),
      align: 'right',
      render: (_, r) => `${r.elderlyCareFacilities} / ${r.elderlyCareRequired}`,
    },
    { title: label('migrantWelfareOrgs'), dataIndex: 'migrantWelfareOrgs', align: 'right' },
    {
      title: label('uv.flags'),
      render: (_, r) =>
        r.flags.length === 0 ? (
          <Tag color="green">{label('uv.ok')}</Tag>
        ) : (
          r.flags.map((f) => (
            <Tag key={f} color="red">
              {label(`uv.${f}`)}
            </Tag>
          ))
        ),
    },
  ];
  return (
    <Card
      title={label('uv.title')}
      style={{ marginTop: 16 }}
      extra={<Typography.Text type="secondary">{label('uv.rules')}</Typography.Text>}
      data-testid="urban-villages"
    >
      <QueryBoundary query={report} skeletonRows={3}>
        {(data) =>
          data.rows.length === 0 ? (
            <EmptyHint text={label('uv.empty')} />
          ) : (
            <SmallTable rowKey="communityId" columns={columns} dataSource={data.rows} scroll={{ x: 720 }} />
          )
        }
      </QueryBoundary>
    </Card>
  );
}
