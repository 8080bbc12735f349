import { Badge, Card, Col, Flex, List, Row, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from './components/PageHeader';
import { type MessageKey, useI18n } from './i18n';
import { webModules } from './modules';
import { isPhonePath } from './phonePaths';
import { TODO_DUE, type TodoDue, type TodoItem } from './webModule';

const contributors = webModules.flatMap((m) => (m.todo ? [{ name: m.name, useTodo: m.todo }] : []));
const panels = webModules.flatMap((m) =>
  m.workbenchPanel ? [{ name: m.name, Panel: m.workbenchPanel }] : [],
);

const DUE_COLORS: Record<TodoDue, string> = { overdue: '#c62828', today: '#b35900', week: '#1d5fbf' };

type Summary = { n: number; due: Partial<Record<TodoDue, number>> };

/** One module's to-do lines; its hook runs here, one component per module (the rules of hooks). */
function ModuleTodos({
  name,
  useTodo,
  only,
  onSummary,
}: {
  name: string;
  useTodo: () => TodoItem<MessageKey>[];
  only: TodoDue | null;
  onSummary: (name: string, s: Summary) => void;
}) {
  const { t } = useI18n();
  const items = useTodo();
  const summary = useMemo(() => {
    const due: Summary['due'] = {};
    for (const i of items) if (i.due) due[i.due] = (due[i.due] ?? 0) + i.count;
    return { n: items.length, due };
  }, [items]);
  const key = JSON.stringify(summary);
  // Tell the workbench what this module has, so it can sum the tiles and say "nothing waiting" otherwise.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `summary`'s content.
  useEffect(() => onSummary(name, summary), [name, key, onSummary]);
  const shown = only ? items.filter((i) => i.due === only) : items;
  return (
    <>
      {shown.map((item) => (
        <List.Item key={item.key} data-testid={`todo-${item.key}`}>
          <Link
            to={item.to}
            reloadDocument={isPhonePath(item.to)}
            style={{ color: 'inherit', display: 'flex', width: '100%', justifyContent: 'space-between' }}
          >
            <Typography.Text>
              {item.due ? (
                <Tag color={DUE_COLORS[item.due]} style={{ marginInlineEnd: 8 }}>
                  {t(`workbench.due.${item.due}`)}
                </Tag>
              ) : null}
              {t(item.label)}
            </Typography.Text>
            <Badge
              count={item.count}
              overflowCount={999}
              color={item.due ? DUE_COLORS[item.due] : undefined}
            />
          </Link>
        </List.Item>
      ))}
    </>
  );
}

/** The three time tiles: overdue, due today, due this week; a tile filters the list to its lines. */
function DueTiles({
  totals,
  only,
  onPick,
}: {
  totals: Record<TodoDue, number>;
  only: TodoDue | null;
  onPick: (d: TodoDue | null) => void;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {TODO_DUE.map((d) => (
        <Col xs={8} key={d}>
          <Card
            size="small"
            hoverable
            role="button"
            aria-pressed={only === d}
            tabIndex={0}
            onClick={() => onPick(only === d ? null : d)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') onPick(only === d ? null : d);
            }}
            style={{ borderColor: only === d ? DUE_COLORS[d] : undefined, borderWidth: only === d ? 2 : 1 }}
            data-testid={`workbench-due-${d}`}
          >
            <Typography.Text type="secondary">{t(`workbench.due.${d}`)}</Typography.Text>
            <div style={{ fontSize: 28, fontWeight: 600, color: totals[d] ? DUE_COLORS[d] : undefined }}>
              {totals[d]}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/**
 * 工作台, where staff land: every module's pending items for the current user (each module's `todo` hook,
 * src/web/app/modules.ts), the overdue / due today / due this week tiles summed from the lines that carry a
 * time limit, and the modules' panels (today's duty rota). `embedded`: under another page's content, the
 * list only, shown only when something waits.
 */
export function Workbench({ embedded }: { embedded?: boolean }) {
  const { t } = useI18n();
  const [summaries, setSummaries] = useState<Record<string, Summary>>({});
  const [only, setOnly] = useState<TodoDue | null>(null);
  // A module reports only when its summary's content changed (its effect depends on that content).
  const onSummary = useCallback((name: string, s: Summary) => setSummaries((c) => ({ ...c, [name]: s })), []);
  const empty = Object.values(summaries).every((s) => s.n === 0);
  const totals = Object.fromEntries(
    TODO_DUE.map((d) => [d, Object.values(summaries).reduce((sum, s) => sum + (s.due[d] ?? 0), 0)]),
  ) as Record<TodoDue, number>;
  const list = (
    <Card
      size="small"
      title={embedded ? undefined : t('workbench.todo')}
      extra={
        only ? (
          <Tag closable onClose={() => setOnly(null)} data-testid="workbench-filter">
            {t(`workbench.due.${only}`)}
          </Tag>
        ) : null
      }
      data-testid="workbench"
      style={embedded && empty ? { display: 'none' } : undefined}
    >
      <List>
        {contributors.map((c) => (
          <ModuleTodos key={c.name} name={c.name} useTodo={c.useTodo} only={only} onSummary={onSummary} />
        ))}
      </List>
      {empty ? <Typography.Text type="secondary">{t('workbench.empty')}</Typography.Text> : null}
      {!empty && only && !totals[only] ? (
        <Typography.Text type="secondary">{t('workbench.emptyDue')}</Typography.Text>
      ) : null}
    </Card>
  );
  if (embedded) return list;
  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      <DueTiles totals={totals} only={only} onPick={setOnly} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={panels.length ? 15 : 24}>
          {list}
        </Col>
        {panels.length ? (
          <Col xs={24} lg={9}>
            <Flex vertical gap={12}>
              {panels.map(({ name, Panel }) => (
                <Panel key={name} />
              ))}
            </Flex>
          </Col>
        ) : null}
      </Row>
    </>
  );
}
