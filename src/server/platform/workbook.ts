import ExcelJS from 'exceljs';

/** A sheet's column as an export lays it out: the header text and the width in characters. */
export interface HeadedColumn {
  header: string;
  width: number;
}

/** An empty workbook with Linli as its creator, for an export of several sheets (one sheet: toXlsx). */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';
  return wb;
}

/** Adds a sheet named `name` with these columns, its first row (the headers) in bold; returns the sheet. */
export function addHeadedSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: HeadedColumn[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}
