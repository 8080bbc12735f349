import type { MessageKey, TFunction } from '../i18n';

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
