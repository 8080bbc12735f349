import { Select } from 'antd';

/** A list's filter: a clearable select of `width` pixels whose pick (undefined when cleared) goes to `onChange`. */
export function FilterSelect({
  width,
  placeholder,
  value,
  onChange,
  options,
}: {
  width: number;
  placeholder: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  options: { value: string; label: string }[];
}) {
  return (
    <Select
      allowClear
      style={{ width }}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}
