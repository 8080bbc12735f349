import { Table } from 'antd';
import type { ReactNode } from 'react';

/**
 * A table's bold total line: the label in the first column, then one right-aligned cell a value, in the
 * columns' order (`[key, value]` pairs; the key only tells React the cells apart).
 */
export function TotalRow({ label, cells }: { label: ReactNode; cells: [string, ReactNode][] }) {
  return (
    <Table.Summary.Row style={{ fontWeight: 600 }}>
      <Table.Summary.Cell index={0}>{label}</Table.Summary.Cell>
      {cells.map(([key, value], i) => (
        <Table.Summary.Cell key={key} index={i + 1} align="right">
          {value}
        </Table.Summary.Cell>
      ))}
    </Table.Summary.Row>
  );
}
