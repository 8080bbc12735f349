import { Select } from 'antd';
import type { CSSProperties } from 'react';

/**
 * A list's filter: a clearable select of `width` pixels showing `placeholder` (the "all" choice) until a value is
 * picked; the pick (undefined when cleared) goes to `onChange`. `searchable` lets the reader type to narrow the
 * options by their labels; `style` adds to the width (a margin).
 */
export function FilterSelect<V extends string | number>({
  width,
  placeholder,
  value,
  onChange,
  options,
  searchable,
  style,
}: {
  width: number;
  placeholder: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
  searchable?: boolean;
  style?: CSSProperties;
}) {
  return (
    <Select<V>
      allowClear
      showSearch={searchable}
      optionFilterProp={searchable ? 'label' : undefined}
      style={{ width, ...style }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
