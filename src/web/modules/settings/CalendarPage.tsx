import { CalendarOutlined, EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { type HTMLAttributes, lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type CalendarDayDto,
  type CalendarYearDto,
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
} from '../../../shared/contracts/calendar';
import { api } from '../../app/api';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, QueryBoundary } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { calendarKeys } from './calendarKeys';

const CalendarEditor = lazy(() => import('./CalendarEditor'));

const HOLIDAY = { bg: '#fff1f0', fg: '#cf1322' };
const WORKDAY = { bg: '#e6f4ff', fg: '#0958d9' };
const MONTHS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;

function useCalendarYear(year: number, enabled = true) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: () => api.get<CalendarYearDto>('/api/calendar', { year }),
    enabled,
  });
}

function parseYear(raw: string | null): number | null {
  const y = Number(raw);
  return Number.isInteger(y) && y >= MIN_CALENDAR_YEAR && y <= MAX_CALENDAR_YEAR ? y : null;
}

export default function CalendarPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = parseYear(params.get('year')) ?? thisYear;
  const [editing, setEditing] = useState(false);
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    if (y === thisYear) next.delete('year');
    else next.set('year', String(y));
    setParams(next, { replace: true });
  };

  const cal = useCalendarYear(year);
  const canReplace = cal.data?.abilities.replace ?? false;
  // Whatever year is shown, warn about every year within the next 12 months with no schedule yet.
  const unscheduled = cal.data?.unscheduledSoon ?? [];

  const years = useMemo(() => {
    const set = new Set<number>([year]);
    for (let y = thisYear - 5; y <= thisYear + 2; y++) set.add(y);
    return [...set].sort((a, b) => a - b);
  }, [year, thisYear]);

  return (
    <div>
      <PageHeader
        title={t('cal.title')}
        subtitle={t('cal.subtitle')}
        extra={
          <>
            <Space.Compact>
              <Button
                icon={<LeftOutlined />}
                onClick={() => setYear(year - 1)}
                disabled={year <= MIN_CALENDAR_YEAR}
                aria-label={t('cal.prevYear')}
                data-testid="cal-prev"
              />
              <Select
                value={year}
                onChange={setYear}
                options={years.map((y) => ({ value: y, label: t('cal.yearLabel', { year: y }) }))}
                style={{ width: 110 }}
                data-testid="cal-year"
              />
              <Button
                icon={<RightOutlined />}
                onClick={() => setYear(year + 1)}
                disabled={year >= MAX_CALENDAR_YEAR}
                aria-label={t('cal.nextYear')}
                data-testid="cal-next"
              />
            </Space.Compact>
            {canReplace ? (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="cal-edit"
              >
                {t('cal.edit', { year })}
              </Button>
            ) : null}
          </>
        }
      />
      <Alert
        type="info"
        showIcon
        icon={<CalendarOutlined />}
        style={{ marginBottom: 16 }}
        title={t('cal.hintTitle')}
        description={t('cal.hint')}
        data-testid="cal-hint"
      />
      {unscheduled
        .filter((y) => y !== year)
        .map((y) => (
          <Alert
            key={y}
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('cal.unscheduled', { year: y })}
            description={canReplace ? t('cal.nextMissingCan') : t('cal.nextMissingAsk')}
            action={
              canReplace ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => {
                    setYear(y);
                    setEditing(true);
                  }}
                  data-testid="cal-load-next"
                >
                  {t('cal.loadYear', { year: y })}
                </Button>
              ) : undefined
            }
            data-testid="cal-next-missing"
          />
        ))}
      <QueryBoundary query={cal} skeletonRows={12}>
        {(data) => <YearView data={data} onEdit={canReplace ? () => setEditing(true) : undefined} />}
      </QueryBoundary>
      {editing && cal.data ? (
        <Suspense fallback={null}>
          <CalendarEditor data={cal.data} onClose={() => setEditing(false)} />
        </Suspense>
      ) : null}
    </div>
  );
}

function SourceTag({ source }: { source: CalendarYearDto['source'] }) {
  const { t } = useI18n();
  if (source === 'admin') return <Tag color="purple">{t('cal.source.admin')}</Tag>;
  if (source === 'package') return <Tag color="blue">{t('cal.source.package')}</Tag>;
  return <Tag color="warning">{t('cal.source.none')}</Tag>;
}

function YearView({ data, onEdit }: { data: CalendarYearDto; onEdit?: () => void }) {
  const { t } = useI18n();
  const byDate = useMemo(() => new Map(data.days.map((d) => [d.date, d])), [data.days]);
  const holidays = data.days.filter((d) => d.kind === 'holiday').length;
  const workdays = data.days.length - holidays;
  return (
    <Flex vertical gap={16}>
      {data.source === null ? (
        <Alert
          type="warning"
          showIcon
          title={t('cal.unscheduled', { year: data.year })}
          description={onEdit ? t('cal.nextMissingCan') : t('cal.nextMissingAsk')}
          action={
            onEdit ? (
              <Button size="small" type="primary" onClick={onEdit} data-testid="cal-load">
                {t('cal.loadYear', { year: data.year })}
              </Button>
            ) : undefined
          }
          data-testid="cal-missing"
        />
      ) : null}
      <Card
        title={t('cal.yearTitle', { year: data.year })}
        extra={
          <Flex gap={12} align="center" wrap>
            <Legend />
            <SourceTag source={data.source} />
          </Flex>
        }
        styles={{ body: { padding: 16 } }}
        data-testid="cal-grid"
      >
        <Row gutter={[16, 16]}>
          {MONTHS.map((m) => (
            <Col key={m} xs={24} sm={12} lg={8} xl={6}>
              <MonthGrid year={data.year} month={m} byDate={byDate} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        title={t('cal.specialDays')}
        extra={
          <Typography.Text type="secondary" data-testid="cal-counts">
            {t('cal.counts', { holidays, workdays })}
          </Typography.Text>
        }
        styles={{ body: { padding: 16 } }}
      >
        <SpecialDays days={data.days} />
      </Card>
    </Flex>
  );
}

function Legend() {
  const { t } = useI18n();
  const chip = (c: { bg: string; fg: string }, badge: string, text: string) => (
    <Flex align="center" gap={4}>
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          minWidth: 18,
          height: 18,
          padding: '0 3px',
          borderRadius: 3,
          background: c.bg,
          color: c.fg,
          fontSize: 11,
          fontWeight: 600,
        }}
      >
        {badge}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {text}
      </Typography.Text>
    </Flex>
  );
  return (
    <Flex gap={12} align="center">
      {chip(HOLIDAY, t('cal.badge.holiday'), t('cal.kind.holiday'))}
      {chip(WORKDAY, t('cal.badge.workday'), t('cal.kind.workday'))}
      {chip({ bg: '#fafafa', fg: '#8c8c8c' }, t('cal.weekdays').split(',')[5] ?? '', t('cal.weekend'))}
    </Flex>
  );
}

/** One month, Monday first (as Chinese calendars print it); 休 on holidays, 班 on adjusted working weekends. */
function MonthGrid({
  year,
  month,
  byDate,
}: {
  year: number;
  month: number;
  byDate: Map<string, CalendarDayDto>;
}) {
  const { t } = useI18n();
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const size = first.daysInMonth();
  const today = dayjs().format('YYYY-MM-DD');
  // Blank cells before the 1st and after the last day.
  const cells: { key: string; day: number | null }[] = [];
  for (let k = 0; k < lead; k++) cells.push({ key: `before-${k}`, day: null });
  for (let d = 1; d <= size; d++) cells.push({ key: `day-${d}`, day: d });
  // Always six rows, so the months of a row line up.
  for (let k = 0; cells.length < 42; k++) cells.push({ key: `after-${k}`, day: null });
  const weekdays = t('cal.weekdays').split(',');

  return (
    <div
      style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 8px 6px' }}
      data-testid="cal-month"
    >
      <Typography.Text strong style={{ display: 'block', marginBottom: 4, paddingLeft: 2 }}>
        {first.format(t('cal.monthFormat'))}
      </Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {weekdays.map((w, i) => (
          <div
            key={w}
            style={{
              textAlign: 'center',
              fontSize: 12,
              lineHeight: '20px',
              color: i >= 5 ? '#8c8c8c' : '#595959',
            }}
          >
            {w}
          </div>
        ))}
        {cells.map(({ key, day: d }, i) => {
          if (d === null) return <div key={key} style={{ height: 28 }} />;
          const date = `${year}-${String(month + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const special = byDate.get(date);
          const weekend = i % 7 >= 5;
          const c = special?.kind === 'holiday' ? HOLIDAY : special?.kind === 'workday' ? WORKDAY : null;
          return (
            <div
              key={key}
              title={special ? `${date} ${special.name} · ${t(`cal.kind.${special.kind}`)}` : undefined}
              data-testid={special ? `cal-day-${special.kind}` : undefined}
              data-date={date}
              style={{
                position: 'relative',
                textAlign: 'center',
                fontSize: 13,
                lineHeight: '28px',
                height: 28,
                borderRadius: 4,
                background: c?.bg,
                color: c ? c.fg : weekend ? '#8c8c8c' : '#262626',
                fontWeight: c ? 600 : undefined,
                outline: date === today ? '1px solid #1d5fbf' : undefined,
                cursor: special ? 'help' : undefined,
              }}
            >
              {d}
              {special ? (
                <span
                  style={{
                    position: 'absolute',
                    top: 0,
                    right: 1,
                    fontSize: 9,
                    lineHeight: '11px',
                    fontWeight: 600,
                  }}
                >
                  {t(`cal.badge.${special.kind}`)}
                </span>
              ) : null}
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface Festival {
  name: string;
  holidays: string[];
  workdays: string[];
  source: CalendarDayDto['source'];
}

/** Consecutive dates as ranges: 2月15日–2月23日. */
function ranges(dates: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const d of dates) {
    const last = out[out.length - 1];
    if (last && dayjs(last[1]).add(1, 'day').format('YYYY-MM-DD') === d) last[1] = d;
    else out.push([d, d]);
  }
  return out;
}

function SpecialDays({ days }: { days: CalendarDayDto[] }) {
  const { t } = useI18n();
  const festivals = useMemo(() => {
    const map = new Map<string, Festival>();
    for (const d of days) {
      const f = map.get(d.name) ?? { name: d.name, holidays: [], workdays: [], source: d.source };
      (d.kind === 'holiday' ? f.holidays : f.workdays).push(d.date);
      map.set(d.name, f);
    }
    return [...map.values()].sort((a, b) => {
      const x = a.holidays[0] ?? a.workdays[0] ?? '';
      const y = b.holidays[0] ?? b.workdays[0] ?? '';
      return x < y ? -1 : 1;
    });
  }, [days]);
  const fmt = (d: string) => dayjs(d).format(t('cal.dayFormat'));
  const withWeekday = (d: string) => `${fmt(d)}(${dayjs(d).format('ddd')})`;

  const columns: TableColumnsType<Festival> = [
    { title: t('cal.festival'), dataIndex: 'name', width: 140, render: (v: string) => <strong>{v}</strong> },
    {
      title: t('cal.kind.holiday'),
      key: 'holidays',
      render: (_, f) =>
        f.holidays.length ? (
          <Space size={[4, 4]} wrap>
            {ranges(f.holidays).map(([a, b]) => (
              <Tag key={a} color="red" variant="outlined">
                {a === b ? withWeekday(a) : `${fmt(a)} – ${fmt(b)}`}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('cal.daysOff'),
      key: 'count',
      width: 100,
      align: 'right',
      render: (_, f) => (f.holidays.length ? t('cal.nDays', { n: f.holidays.length }) : '—'),
    },
    {
      title: t('cal.kind.workday'),
      key: 'workdays',
      render: (_, f) =>
        f.workdays.length ? (
          <Space size={[4, 4]} wrap>
            {f.workdays.map((d) => (
              <Tag key={d} color="blue" variant="outlined">
                {withWeekday(d)}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  if (days.length === 0) return <EmptyHint text={t('cal.noSpecialDays')} />;
  return (
    <Table<Festival>
      rowKey="name"
      size="middle"
      columns={columns}
      dataSource={festivals}
      pagination={false}
      scroll={{ x: 760 }}
      onRow={() => ({ 'data-testid': 'cal-festival-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
