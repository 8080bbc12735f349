import type { MessageKey, TFunction } from '../i18n';
import { formatDate, formatDateTime } from '../format';
import { labelOf } from '../labelOf';
import { Link } from 'react-router';

/** A table column of a coded value (a kind, a status …), each shown by its label `<prefix>.<value>`. */
export const codeColumn = (
  t: TFunction,
  title: string,
  dataIndex: string,
  width: number,
  prefix: string,
) => ({
  title,
  dataIndex,
  width,
  render: (v: string) => t(`${prefix}.${v}` as MessageKey),
});

/** A table column of a value that may be missing, shown as — then; without `width` it takes the room left. */
export const dashColumn = (title: string, dataIndex: string, width?: number) => ({
  title,
  dataIndex,
  width,
  render: (v: string | number | null) => v ?? '—',
});

/**
 * A table column of a value from a known list, shown by `labelOf` (`<prefix>.<value>`; an unknown value as it
 * is); without `width` it takes the room left.
 */
export const labelColumn = (
  t: TFunction,
  title: string,
  dataIndex: string,
  prefix: string,
  width?: number,
) => ({
  title,
  dataIndex,
  width,
  render: (v: string) => labelOf(t, prefix, v),
});

/** A table column whose text links to the row's own page, `to(row)`. */
export const linkColumn = <R,>(title: string, dataIndex: string, to: (row: R) => string) => ({
  title,
  dataIndex,
  render: (v: string, r: R) => <Link to={to(r)}>{v}</Link>,
});

/** A table column of a date, shown as YYYY-MM-DD. */
export const dateColumn = (title: string, dataIndex: string, width: number) => ({
  title,
  dataIndex,
  width,
  render: (v: string) => formatDate(v),
});

/** A table column of a moment, shown as YYYY-MM-DD HH:mm:ss. */
export const dateTimeColumn = (title: string, dataIndex: string, width: number) => ({
  title,
  dataIndex,
  width,
  render: (v: string) => formatDateTime(v),
});
