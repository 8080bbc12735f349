import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import type { BoardDto } from '../../../shared/contracts/projects.board';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { SectionCard } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

type Board = Wire<BoardDto>;
type Row = Board['rows'][number];

/** A late count: red when any, plain zero otherwise. */
const Late = ({ n }: { n: number }) => (n > 0 ? <Tag color="red">{n}</Tag> : <span>0</span>);

/** A count of projects done, followed by a red "N overdue" tag when any are overdue. */
function DoneCount({ n, overdue }: { n: number; overdue: number }) {
  const { t } = useI18n();
  return (
    <>
      {n}
      {overdue > 0 ? (
        <Tag color="red" style={{ marginLeft: 4 }}>
          {t('projects.board.overdueN', { n: overdue })}
        </Tag>
      ) : null}
    </>
  );
}

/**
 * The call's board (issue 11 §8, R-PJ-4 动态跟踪): one row per subdistrict/town in reach — applications in
 * the procedure, submitted, selected, and what is late (submission, monthly reports, completion, summary).
 */
export function CallBoard({ callId }: { callId: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['projects', 'board', callId],
    queryFn: () => api.get<Board>(`/api/projects/calls/${encodeURIComponent(callId)}/board`),
  });
  const b = q.data;
  if (!b || b.rows.length === 0) return null;
  const inProcedure = (r: Row['states']) => r.draft + r.pending_review + r.returned + r.approved;
  const rows: (Row | (Board['totals'] & { subdistrictId: string; subdistrictName: string }))[] = [
    ...b.rows,
    ...(b.rows.length > 1
      ? [{ ...b.totals, subdistrictId: 'total', subdistrictName: t('projects.board.total') }]
      : []),
  ];
  return (
    <SectionCard title={t('projects.board.title')} data-testid="call-board">
      <SmallTable
        rowKey="subdistrictId"
        scroll={{ x: 900 }}
        dataSource={rows}
        columns={[
          {
            title: t('projects.board.subdistrict'),
            dataIndex: 'subdistrictName',
            render: (v: string, r) =>
              r.subdistrictId === 'total' ? <Typography.Text strong>{v}</Typography.Text> : v,
          },
          { title: t('projects.board.inProcedure'), align: 'right', render: (_, r) => inProcedure(r.states) },
          { title: t('projects.board.submitted'), align: 'right', render: (_, r) => r.states.submitted },
          { title: t('projects.board.selected'), align: 'right', render: (_, r) => r.states.selected },
          { title: t('projects.board.notSelected'), align: 'right', render: (_, r) => r.states.not_selected },
          {
            title: t('projects.board.submitOverdue'),
            align: 'right',
            render: (_, r) => <Late n={r.submitOverdue} />,
          },
          { title: t('projects.board.reportsFiled'), align: 'right', dataIndex: 'reportsFiled' },
          {
            title: t('projects.board.reportsOpenOverdue'),
            align: 'right',
            render: (_, r) => <Late n={r.reportsOpenOverdue} />,
          },
          {
            title: t('projects.board.reportsFiledLate'),
            align: 'right',
            render: (_, r) => <Late n={r.reportsFiledLate} />,
          },
          {
            title: t('projects.board.completed'),
            align: 'right',
            render: (_, r) => <DoneCount n={r.completed} overdue={r.completionOverdue} />,
          },
          {
            title: t('projects.board.summarized'),
            align: 'right',
            render: (_, r) => <DoneCount n={r.summarized} overdue={r.summaryOverdue} />,
          },
        ]}
      />
    </SectionCard>
  );
}
