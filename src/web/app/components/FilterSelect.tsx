import { Select } from 'antd';

/**
 * A list's filter: a clearable select of `width` pixels showing `placeholder` (the "all" choice) until a value is
 * picked; the pick (undefined when cleared) goes to `onChange`.
 */
export function FilterSelect<V extends string | number>({
  width,
  placeholder,
  value,
  onChange,
  options,
}: {
  width: number;
  placeholder: string;
  value: V | undefined;
  onChange: (value: V | undefined) => void;
  options: { value: V; label: string }[];
}) {
  return (
    <Select<V>
      allowClear
      style={{ width }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
