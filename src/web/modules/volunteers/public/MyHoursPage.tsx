import { Button, Flex, Progress, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { STAR_THRESHOLD_HOURS } from '../../../../shared/contracts/volunteers';
import { useI18n } from '../../../app/i18n';
import { PublicSection } from '../../../app/components/PublicShell';
import { hoursOf, type MyVolunteer } from '../api';
import { Stars } from '../parts';
import { MyShell } from './MyShell';

function Hours({ data }: { data: MyVolunteer }) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const p = data.profile!;
  const shown = all ? data.hours : data.hours.slice(0, 15);
  const hours = hoursOf(p.minutes);
  const next = data.nextStarHours;
  const prev = [0, ...STAR_THRESHOLD_HOURS][p.stars] ?? 0;
  return (
    <>
      <PublicSection title={p.name} extra={<Tag>{p.communityName}</Tag>} testId="m-hours-total">
        <Typography.Text type="secondary">{t('volunteers.m.total')}</Typography.Text>
        <Flex align="baseline" gap={6}>
          <span className="linli-public-number" data-testid="m-hours-value">
            {hours}
          </span>
          <span>{t('volunteers.m.hoursUnit')}</span>
        </Flex>
        <Stars n={p.stars} />
        <Progress
          percent={next ? Math.min(100, Math.round(((hours - prev) / (next - prev)) * 100)) : 100}
          showInfo={false}
          style={{ marginTop: 8 }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {next
            ? t('volunteers.nextStar', { hours: next, left: Math.round((next - hours) * 10) / 10 })
            : t('volunteers.topStar')}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('volunteers.m.starRule')}
        </Typography.Text>
      </PublicSection>
      <PublicSection title={t('volunteers.m.entries')} testId="m-hours-entries">
        {data.hours.length === 0 ? (
          <Typography.Text type="secondary">{t('volunteers.noHours')}</Typography.Text>
        ) : (
          shown.map((h) => (
            <div key={h.id} className="linli-public-link" style={{ padding: '8px 4px', minHeight: 0 }}>
              <div style={{ minWidth: 0 }}>
                <div style={{ fontSize: 15 }}>
                  {h.activityTitle ?? t(`volunteers.hourKind.${h.kind}`)}
                  {h.kind === 'correction' ? (
                    <Tag color="gold" style={{ marginInlineStart: 6 }}>
                      {t('volunteers.hourKind.correction')}
                    </Tag>
                  ) : null}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(h.occurredAt).format('YYYY-MM-DD')} · {h.communityName}
                  {h.reason ? ` · ${h.reason}` : ''}
                </Typography.Text>
              </div>
              <Typography.Text
                strong
                type={h.minutes < 0 ? 'danger' : undefined}
                style={{ whiteSpace: 'nowrap' }}
              >
                {h.minutes > 0 ? '+' : ''}
                {hoursOf(h.minutes)} h
              </Typography.Text>
            </div>
          ))
        )}
        {!all && data.hours.length > shown.length ? (
          <Button type="link" block onClick={() => setAll(true)} data-testid="m-hours-all">
            {t('volunteers.m.showAll', { count: data.hours.length })}
          </Button>
        ) : null}
      </PublicSection>
    </>
  );
}

export default function MyHoursPage() {
  const { t } = useI18n();
  return <MyShell title={t('volunteers.m.hours')}>{(data) => <Hours data={data} />}</MyShell>;
}
