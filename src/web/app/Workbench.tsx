import { Badge, Card, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from './components/PageHeader';
import { type MessageKey, useI18n } from './i18n';
import { webModules } from './modules';
import type { TodoItem } from './webModule';
import { isPhonePath } from './phonePaths';

const contributors = webModules.flatMap((m) => (m.todo ? [{ name: m.name, useTodo: m.todo }] : []));

/** One module's to-do lines; its hook runs here, one component per module (the rules of hooks). */
function ModuleTodos({
  name,
  useTodo,
  onCount,
}: {
  name: string;
  useTodo: () => TodoItem<MessageKey>[];
  onCount: (name: string, n: number) => void;
}) {
  const { t } = useI18n();
  const items = useTodo();
  const n = items.length;
  // Tell the workbench whether this module has anything, so it can say "nothing waiting" otherwise.
  useEffect(() => onCount(name, n), [name, n, onCount]);
  if (n === 0) return null;
  return (
    <>
      {items.map((item) => (
        <List.Item key={item.key} data-testid={`todo-${item.key}`}>
          <Link
            to={item.to}
            reloadDocument={isPhonePath(item.to)}
            style={{ color: 'inherit', display: 'flex', width: '100%', justifyContent: 'space-between' }}
          >
            <Typography.Text>{t(item.label)}</Typography.Text>
            <Badge count={item.count} overflowCount={999} />
          </Link>
        </List.Item>
      ))}
    </>
  );
}

/**
 * 工作台: every module's pending items for the current user (each module's `todo` hook,
 * src/web/app/modules.ts). `embedded`: under another page's content, shown only when something waits.
 */
export function Workbench({ embedded }: { embedded?: boolean }) {
  const { t } = useI18n();
  const [counts, setCounts] = useState<Record<string, number>>({});
  const onCount = useCallback(
    (name: string, n: number) => setCounts((c) => (c[name] === n ? c : { ...c, [name]: n })),
    [],
  );
  const empty = Object.values(counts).every((n) => n === 0);
  const list = (
    <Card size="small" data-testid="workbench" style={embedded && empty ? { display: 'none' } : undefined}>
      <List>
        {contributors.map((c) => (
          <ModuleTodos key={c.name} name={c.name} useTodo={c.useTodo} onCount={onCount} />
        ))}
      </List>
      {empty ? <Typography.Text type="secondary">{t('workbench.empty')}</Typography.Text> : null}
    </Card>
  );
  if (embedded) return list;
  return (
    <>
      <PageHeader title={t('workbench.title')} subtitle={t('workbench.subtitle')} />
      {list}
    </>
  );
}
