import { Select } from 'antd';

/**
 * A list's filter: a clearable select of `width` pixels showing `placeholder` (the "all" choice) until a value is
 * picked; the pick (undefined when cleared) goes to `onChange`. `searchable` lets the reader type to narrow the
 * options by their labels.
 */
export function FilterSelect<V extends string | number>({
  width,
  placeholder,
  value,
  onChange,
  options,
  searchable,
}: {
  width: number;
  placeholder: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
  searchable?: boolean;
}) {
  return (
    <Select<V>
      allowClear
      showSearch={searchable}
      optionFilterProp={searchable ? 'label' : undefined}
      style={{ width }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
