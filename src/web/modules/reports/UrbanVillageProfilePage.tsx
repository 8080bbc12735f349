import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Descriptions,
  Flex,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { Link, useParams } from 'react-router';
import { FACILITY_CATEGORIES, type FacilityCategory } from '../../../shared/contracts/facilities';
import type { UrbanVillageProfileDto } from '../../../shared/contracts/reports';
import { api } from '../../app/api';
import { ExportButton } from '../../app/components/ExportButton';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, QueryBoundary } from '../../app/components/Status';
import { formatNumber } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';

type Profile = UrbanVillageProfileDto;
type Month = Profile['months'][number];
type MonthFigure = Exclude<keyof Month, 'month'>;

const MONTH_FIGURES: MonthFigure[] = [
  'workOrdersReceived',
  'workOrdersClosed',
  'workOrdersOnTimeRate',
  'disputesMediated',
  'volunteerHours',
  'serviceOrdersCompleted',
];

const dash = (v: number | string | null | undefined) => (v === null || v === undefined ? '—' : v);

/**
 * 城中村治理档案 (seed 002 四(四)): one urban village's file — population, community workers, facility coverage,
 * welfare organisations with migrant members, self-governance bodies and the last six months' figures — with
 * its issues as red tags and an Excel export. Reached from the urban-villages card of the staffing report.
 */
export default function UrbanVillageProfilePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const profile = useQuery({
    queryKey: ['reports', 'urban-villages', id, 'profile'],
    queryFn: () => api.get<Profile>(`/api/reports/urban-villages/${encodeURIComponent(id)}/profile`),
  });
  return (
    <div>
      <Link to="/reports/staffing">
        <ArrowLeftOutlined /> {t('uvp.back')}
      </Link>
      <QueryBoundary query={profile} skeletonRows={14}>
        {(p) => (
          <>
            <PageHeader
              title={t('uvp.title', { name: p.communityName })}
              subtitle={t('uvp.subtitle', { subdistrict: p.subdistrictName ?? '—', asOf: p.asOf })}
              extra={
                <ExportButton
                  download={() =>
                    api.download(
                      `/api/reports/urban-villages/${encodeURIComponent(id)}/profile.xlsx`,
                      undefined,
                      'urban-village-file.xlsx',
                    )
                  }
                  data-testid="uv-profile-export"
                />
              }
            />
            <ProfileBody p={p} />
          </>
        )}
      </QueryBoundary>
    </div>
  );
}

function ProfileBody({ p }: { p: Profile }) {
  const { t } = useI18n();
  const yesNo = (b: boolean) =>
    b ? t('common.yes') : <Typography.Text type="danger">{t('common.no')}</Typography.Text>;
  const danger = (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n);
  const s = p.staffing;
  const f = p.facilities;
  const g = p.selfGovernance;
  const missing = new Set<FacilityCategory>(f.lifeCircleMissing);
  const cat = (c: FacilityCategory) => t(`uvp.cat.${c}` as MessageKey);

  const monthColumns: TableColumnsType<{ figure: MonthFigure }> = [
    {
      title: t('uvp.figure'),
      dataIndex: 'figure',
      render: (k: MonthFigure) => t(`uvp.m.${k}` as MessageKey),
    },
    ...p.months.map((m) => ({
      title: m.month,
      key: m.month,
      align: 'right' as const,
      render: (_: unknown, r: { figure: MonthFigure }) => {
        const v = m[r.figure];
        return v === null ? '—' : formatNumber(v, Number.isInteger(v) ? 0 : 1);
      },
    })),
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card size="small" title={t('uvp.flags')} data-testid="uv-profile-flags">
          {p.flags.length === 0 ? (
            <Tag color="green">{t('uvp.ok')}</Tag>
          ) : (
            <Flex wrap gap={8}>
              {p.flags.map((flag) => (
                <Tag key={flag} color="red" style={{ marginInlineEnd: 0 }}>
                  {t(`uvp.flag.${flag}` as MessageKey)}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('uvp.population')} style={{ height: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('uvp.registered')}>
              {formatNumber(p.population.registered)}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.permanentOnly')}>
              {formatNumber(p.population.permanent)}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.permanentResidents')}>
              {formatNumber(p.population.permanentResidents)}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.migrant')}>
              {formatNumber(p.population.migrant)}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.total')}>{formatNumber(p.population.total)}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('uvp.staffing')} style={{ height: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('staffing.workers')}>
              {s.communityWorkers}
              <Typography.Text type="secondary">
                {t('uvp.gridWorkersNote', { n: s.gridWorkers })}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.socialWorkerQualified')}>
              {s.socialWorkerQualified}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.assistantSocialWorkerQualified')}>
              {s.assistantSocialWorkerQualified}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.per10k')}>
              <Tag color={s.meetsStandard ? 'green' : 'red'}>
                {formatNumber(s.workersPer10k, 1)} ·{' '}
                {s.meetsStandard
                  ? t('staffing.meets')
                  : s.withinCeiling
                    ? t('staffing.below')
                    : t('staffing.above')}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.required')}>
              {s.required}
              {s.shortfall > 0 ? (
                <Typography.Text type="danger">
                  （{t('staffing.shortfall')}
                  {s.shortfall}）
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.ceiling')}>
              {s.maxAllowed}
              {s.excess > 0 ? (
                <Typography.Text type="danger">
                  （{t('staffing.excess')}
                  {s.excess}）
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('staffing.grids')}>{s.grids}</Descriptions.Item>
            <Descriptions.Item label={t('staffing.openGrids')}>
              {s.openGrids.join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('uvp.facilities')} style={{ height: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('uvp.centre')}>{dash(f.centreName)}</Descriptions.Item>
            <Descriptions.Item label={t('uvp.distance')}>
              {f.distanceToCentreM === null ? '—' : t('uvp.metres', { n: formatNumber(f.distanceToCentreM) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.needsSubStation', { m: formatNumber(f.subStationDistanceM) })}>
              {f.needsSubStation ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.subStations')}>
              {f.subStations.length === 0 ? (
                f.needsSubStation ? (
                  <Typography.Text type="danger">{t('common.none')}</Typography.Text>
                ) : (
                  t('common.none')
                )
              ) : (
                f.subStations.map((x) => t('uvp.staffCount', { name: x.name, n: x.staffCount })).join('、')
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.elderlyCare')}>
              <Typography.Text type={f.elderlyCareFacilities < f.elderlyCareRequired ? 'danger' : undefined}>
                {t('uvp.presentOfRequired', {
                  present: f.elderlyCareFacilities,
                  required: f.elderlyCareRequired,
                })}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('uvp.lifeCircle', { m: formatNumber(f.lifeCircleRadiusM) })}>
              {f.located ? (
                <Flex wrap gap={4}>
                  {FACILITY_CATEGORIES.map((c) => (
                    <Tag
                      key={c}
                      color={missing.has(c) ? 'red' : 'green'}
                      title={missing.has(c) ? t('uvp.lifeCircleMissing') : t('uvp.lifeCircleCovered')}
                      style={{ marginInlineEnd: 0 }}
                    >
                      {cat(c)}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('uvp.lifeCircleUnknown')}</Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('uvp.welfareOrgs')}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('uvp.welfareOrgs')}>
                <Typography.Text type={p.welfareOrgs.count < p.welfareOrgs.target ? 'danger' : undefined}>
                  {t('uvp.welfareCount', { n: p.welfareOrgs.count, target: p.welfareOrgs.target })}
                </Typography.Text>
              </Descriptions.Item>
              {p.welfareOrgs.orgs.map((o) => (
                <Descriptions.Item key={o.name} label={o.name}>
                  {t('uvp.welfareOrg', { field: o.field, n: o.memberCount })}
                </Descriptions.Item>
              ))}
            </Descriptions>
            {p.welfareOrgs.orgs.length === 0 ? <EmptyHint text={t('uvp.welfareNone')} /> : null}
          </Card>
          <Card title={t('uvp.selfGovernance')}>
            <Descriptions column={{ xs: 1, sm: 2, lg: 1, xxl: 2 }} size="small" bordered>
              <Descriptions.Item label={t('uvp.partyCommittee')}>
                {yesNo(g.hasPartyCommittee)}
              </Descriptions.Item>
              <Descriptions.Item label={t('uvp.committee')}>{yesNo(g.hasCommittee)}</Descriptions.Item>
              <Descriptions.Item label={t('uvp.supervision')}>
                {yesNo(g.hasSupervisionCommittee)}
              </Descriptions.Item>
              <Descriptions.Item label={t('uvp.bodies')}>{g.bodies}</Descriptions.Item>
              <Descriptions.Item label={t('uvp.positions')}>{g.positions}</Descriptions.Item>
              <Descriptions.Item label={t('uvp.vacancies')}>{g.openVacancies}</Descriptions.Item>
              <Descriptions.Item label={t('uvp.overdueVacancies')}>
                {danger(g.overdueVacancies)}
              </Descriptions.Item>
              <Descriptions.Item label={t('uvp.lastElection')}>{dash(g.lastElection)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Space>
      </Col>
      <Col span={24}>
        <Card
          title={t('uvp.months')}
          extra={<Typography.Text type="secondary">{t('uvp.monthsNote')}</Typography.Text>}
          styles={{ body: { padding: 0 } }}
        >
          <Table<{ figure: MonthFigure }>
            rowKey="figure"
            size="small"
            columns={monthColumns}
            dataSource={MONTH_FIGURES.map((figure) => ({ figure }))}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="uv-profile-months"
          />
        </Card>
      </Col>
    </Row>
  );
}
