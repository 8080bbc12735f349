import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';

/**
 * A list's search box for the filter `q` kept in the page's URL: the box follows `q` when it changes elsewhere
 * (back, a link), searching sets it (trimmed; empty drops it) and clearing the box drops it at once.
 */
export function QuerySearch({
  q,
  onQuery,
  placeholder,
  testId,
}: {
  q: string | undefined;
  onQuery: (q: string | undefined) => void;
  placeholder: string;
  testId: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(q ?? '');
  useEffect(() => setText(q ?? ''), [q]);
  return (
    <Input.Search
      allowClear
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (!e.target.value && q) onQuery(undefined);
      }}
      onSearch={(v) => onQuery(v.trim() || undefined)}
      placeholder={placeholder}
      style={{ width: 300, maxWidth: '100%' }}
      enterButton={t('common.search')}
      data-testid={testId}
    />
  );
}
