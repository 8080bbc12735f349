import { describe, expect, it } from 'vitest';
import { composeIdNumber } from '../../../shared/validation/codes';
import { AppError } from '../../platform/errors';
import { countCsvRows, csvRecords, decodeCsv, detectDelimiter, sniffFormat } from './imports.files';
import { buildingKey, mapHeader, parseDate, parseResidentRow } from './imports.mapping';

const rows = (text: string, d = ',') => [...csvRecords(text, d)].map((r) => r.cells);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return null;
};

describe('import files', () => {
  it('CSV: quoted fields keep commas, doubled quotes and line breaks; CRLF, LF and CR all end a record', () => {
    expect(rows('a,b\r\n"x,y","say ""hi"""\n"multi\nline",\rlast,')).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['multi\nline', ''],
      ['last', ''],
    ]);
    expect(rows('a\tb\n1\t2', detectDelimiter('a\tb\n1\t2'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(countCsvRows('姓名\n张三\n\n李四\n', ',')).toBe(2);
    // The quick count agrees with the parser on quoted line breaks, blank and comma-only lines.
    const tricky = 'h1,h2\r\n"a\nb",1\r\n,,\r\n""\r\n"x""\ny",2\rz';
    expect(countCsvRows(tricky, ',')).toBe(
      rows(tricky).filter((r) => r.some((c) => c.trim() !== '')).length - 1,
    );
    expect(countCsvRows(tricky, ',')).toBe(3);
  });

  it('CSV: an unclosed quote is reported with its record number', () => {
    expect(codeOf(() => rows('a,b\n1,"open\n2,3'))).toBe('imports.bad_csv');
    expect(codeOf(() => countCsvRows('a,b\n1,"open\n2,3', ','))).toBe('imports.bad_csv');
  });

  it('CSV in UTF-8 (BOM dropped), GBK/GB18030 (Excel on Chinese Windows) or UTF-16 with BOM; anything else is refused', () => {
    expect(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('姓名')]))).toEqual({
      text: '姓名',
      encoding: 'utf-8',
    });
    expect(decodeCsv(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]))).toEqual({ text: '张三', encoding: 'gb18030' });
    expect(decodeCsv(Buffer.from([0xff, 0xfe, 0x59, 0x00]))).toEqual({ text: 'Y', encoding: 'utf-16le' });
    expect(decodeCsv(Buffer.from([0xfe, 0xff, 0x00, 0x59]))).toEqual({ text: 'Y', encoding: 'utf-16be' });
    expect(codeOf(() => decodeCsv(Buffer.from([0x41, 0x80, 0xff])))).toBe('imports.encoding');
  });

  it('the format comes from the name and the first bytes', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(sniffFormat('a.xlsx', zip)).toBe('xlsx');
    expect(sniffFormat('a.csv', Buffer.from('姓名\n'))).toBe('csv');
    expect(sniffFormat('upload', zip)).toBe('xlsx');
    expect(codeOf(() => sniffFormat('a.xlsx', Buffer.from('姓名\n')))).toBe('imports.bad_file');
    expect(codeOf(() => sniffFormat('a.csv', Buffer.from([1, 0, 2, 0])))).toBe('imports.bad_file');
    expect(codeOf(() => sniffFormat('a.pdf', Buffer.from('%PDF-1.7')))).toBe('imports.bad_file');
  });
});

describe('import row mapping', () => {
  const header = mapHeader([
    '姓名',
    '身份证号码',
    '性别',
    '出生日期',
    '手机',
    '户籍状态（户籍/常住/流动）',
    '特殊人群',
    '房号',
  ])!;

  it('recognises Chinese and English headers, ignoring brackets, spaces and case, and skips a title row', () => {
    expect([...header.keys()]).toEqual([
      'name',
      'idNumber',
      'gender',
      'birthDate',
      'phone',
      'registrationStatus',
      'tags',
      'room',
    ]);
    expect(mapHeader(['2026 年铜都社区居民花名册'])).toBeNull();
    expect(mapHeader(['NAME', 'ID Number', 'Registration'])?.get('registrationStatus')).toBe(2);
    // Notes in brackets are ignored, full-width (as Chinese Excel users type them) or half-width.
    expect(mapHeader(['姓名', '户籍状态（户籍/常住/流动）'])?.get('registrationStatus')).toBe(1);
    expect(mapHeader(['姓名', '户籍状态(户籍/常住/流动)'])?.get('registrationStatus')).toBe(1);
  });

  it('reads dates written in the usual ways, and rejects impossible ones', () => {
    expect(parseDate('1956-03-14')).toBe('1956-03-14');
    expect(parseDate('1956/3/4')).toBe('1956-03-04');
    expect(parseDate('1956年3月4日')).toBe('1956-03-04');
    expect(parseDate('19560314')).toBe('1956-03-14');
    expect(parseDate(new Date(Date.UTC(1956, 2, 14)))).toBe('1956-03-14');
    expect(parseDate(20528)).toBe('1956-03-14');
    expect(parseDate('1956-02-30')).toBeUndefined();
    expect(parseDate('')).toBeNull();
  });

  it('R-LAW-CD-2: birth date and gender follow the ID number; contradicting columns are row errors', () => {
    const man = composeIdNumber('420204', '19560314', 1);
    const ok = parseResidentRow(
      2,
      ['李明', man, null, null, '13800000000', '常住人口', '独居老人、low income', '201'],
      header,
    );
    expect(ok).toEqual({
      ok: true,
      value: expect.objectContaining({
        gender: 'male',
        birthDate: '1956-03-14',
        registrationStatus: 'permanent',
        tags: ['living_alone', 'low_income'],
        room: '201',
      }),
    });
    const bad = parseResidentRow(3, ['李明', man, '女', '1956-03-15', null, '户籍', null, null], header);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => [e.column, e.code])).toEqual([
      ['birthDate', 'residents.birth_mismatch'],
      ['gender', 'imports.gender_mismatch'],
    ]);
  });

  it('without an ID number the gender column is used and required', () => {
    const r = parseResidentRow(2, ['王芳', null, 'F', null, null, 'migrant', null, null], header);
    expect(r.ok && r.value.gender).toBe('female');
    const missing = parseResidentRow(3, ['王芳', null, null, null, null, '流动', null, null], header);
    expect(!missing.ok && missing.errors[0]!.code).toBe('imports.gender_required');
  });

  it('building names match with or without the 栋 suffix', () => {
    expect(buildingKey('1栋')).toBe(buildingKey('1'));
    expect(buildingKey('3 号楼')).toBe('3');
  });
});
