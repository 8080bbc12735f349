import dayjs from 'dayjs';
import { chinaDate } from '../../shared/chinaTime';

/** API dates arrive as ISO strings (the contracts type them as Date after parsing on the server). */
export type DateLike = Date | string | null | undefined;

export function formatDateTime(v: DateLike): string {
  return v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '';
}

export function formatDate(v: DateLike): string {
  return v ? dayjs(v).format('YYYY-MM-DD') : '';
}

export function formatNumber(n: number, digits = 0): string {
  return n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** An amount in fen as yuan with two decimals and thousands separators (— when there is none). */
export function formatYuan(fen: number | null | undefined): string {
  return fen == null ? '—' : formatNumber(fen / 100, 2);
}

/** An amount in fen as plain yuan with two decimals, no separators (1234.50): for tables and form hints. */
export const plainYuan = (fen: number): string => (fen / 100).toFixed(2);

/** Today's date in China (UTC+8), YYYY-MM-DD: a new record's default date. */
export const chinaToday = (): string => chinaDate(new Date());
