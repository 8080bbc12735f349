import { RESIDENT_IMPORT_COLUMNS, type ResidentImportColumn } from '../../../shared/contracts/imports';
import { LABELS } from '../../../shared/i18n/labels';
import { REGISTRATION_STATUSES, SPECIAL_GROUP_TAGS } from '../../../shared/orgKinds';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  idNumberProblem,
  isValidMobile,
} from '../../../shared/validation/codes';
import type { CellValue } from './imports.files';
import type { ImportRowError } from './imports.table';

/**
 * How a row of a resident import file becomes a resident: header recognition (Chinese or English),
 * value mapping (男/女, 户籍/常住/流动, special-group labels) and per-cell validation.
 */

/** Headers are compared without spaces, case, '*' marks and anything in brackets: "户籍状态（户籍/常住/流动）" or "户籍状态(…)" → "户籍状态". */
export function normalizeHeader(h: string): string {
  return h
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*_\-:：]/g, '')
    .toLowerCase();
}

const HEADER_ALIASES: Record<ResidentImportColumn, string[]> = {
  name: ['姓名', '名字', 'name', 'fullname'],
  idNumber: ['身份证号', '身份证号码', '身份证', '公民身份号码', 'idnumber', 'idno', 'idcard', 'id'],
  phone: ['手机号', '手机号码', '手机', '联系电话', '电话', 'phone', 'mobile', 'phonenumber'],
  gender: ['性别', 'gender', 'sex'],
  birthDate: ['出生日期', '出生年月日', '生日', 'birthdate', 'dateofbirth', 'birthday', 'dob'],
  building: ['楼栋', '楼号', '楼栋号', 'building'],
  room: ['房号', '房间号', '门牌号', '户号', 'room', 'roomno'],
  address: ['住址', '地址', '现住址', '居住地址', 'address'],
  registrationStatus: ['户籍状态', '户籍类型', '人口类型', 'registrationstatus', 'registration', 'status'],
  tags: ['特殊群体', '特殊人群', '人群标签', '标签', 'specialgroups', 'specialgroup', 'tags'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks', 'remark'],
};

const HEADER_INDEX = new Map<string, ResidentImportColumn>();
for (const col of RESIDENT_IMPORT_COLUMNS) {
  for (const alias of [...HEADER_ALIASES[col], LABELS[col]?.['zh-CN'] ?? '', LABELS[col]?.en ?? '']) {
    if (alias) HEADER_INDEX.set(normalizeHeader(alias), col);
  }
}

/**
 * Column key → cell index for a header row; null when the row does not look like one (neither the
 * name column nor two known columns), e.g. a title row above the header.
 */
export function mapHeader(cells: CellValue[]): Map<ResidentImportColumn, number> | null {
  const map = new Map<ResidentImportColumn, number>();
  cells.forEach((c, i) => {
    if (c === null) return;
    const col = HEADER_INDEX.get(normalizeHeader(String(c)));
    if (col && !map.has(col)) map.set(col, i);
  });
  return map.has('name') || map.size >= 2 ? map : null;
}

/** Values a cell may hold for an enum, in both languages and as codes. */
function valueIndex<T extends string>(codes: readonly T[], extra: Record<string, T> = {}): Map<string, T> {
  const m = new Map<string, T>();
  for (const code of codes) {
    m.set(code.toLowerCase(), code);
    m.set(code.replace(/_/g, '').toLowerCase(), code);
    for (const text of Object.values(LABELS[code] ?? {})) m.set(text.replace(/\s/g, '').toLowerCase(), code);
  }
  for (const [k, v] of Object.entries(extra)) m.set(k.toLowerCase(), v);
  return m;
}

const GENDERS = valueIndex(['male', 'female'] as const, {
  男性: 'male',
  女性: 'female',
  m: 'male',
  f: 'female',
});
const STATUSES = valueIndex(REGISTRATION_STATUSES, {
  户籍人口: 'registered',
  户籍居民: 'registered',
  本地户籍: 'registered',
  常住人口: 'permanent',
  常住居民: 'permanent',
  流动人口: 'migrant',
  外来人口: 'migrant',
});
const TAGS = valueIndex(SPECIAL_GROUP_TAGS, {
  独居老人: 'living_alone',
  空巢老人: 'empty_nest',
  留守老人: 'left_behind',
  留守儿童: 'left_behind',
  失能老人: 'disabled',
  重度残疾: 'severely_disabled',
  困难群众: 'low_income',
  困难户: 'low_income',
  低保: 'low_income',
});

/** Building names are compared without spaces and a trailing 栋/幢/号楼/号: "1" matches "1栋". */
export function buildingKey(name: string): string {
  return name
    .replace(/[\s/\\\-—]/g, '')
    .replace(/(号楼|栋|幢|号)$/, '')
    .toLowerCase();
}

export interface ParsedResident {
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  building: string | null;
  room: string | null;
  registrationStatus: (typeof REGISTRATION_STATUSES)[number];
  tags: string[];
  notes: string | null;
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'number') return String(v);
  return String(v)
    .replace(/\u00a0/g, ' ')
    .trim();
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** A date cell: an Excel date, an Excel serial number, or 1980-01-31 / 1980/1/31 / 19800131 / 1980年1月31日 / 1980.1.31. */
export function parseDate(v: CellValue | undefined): string | null | undefined {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : isoDate(v);
  if (typeof v === 'number') {
    if (v > 0 && v < 80000 && Number.isInteger(v))
      return isoDate(new Date(Date.UTC(1899, 11, 30) + v * 86400_000));
    return parseDate(String(v));
  }
  const s = String(v).trim();
  const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/) ?? s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === iso ? iso : undefined;
}

const MAX_LEN: Partial<Record<ResidentImportColumn, number>> = {
  name: 50,
  address: 200,
  room: 30,
  building: 50,
  notes: 1000,
};

/**
 * Validates one data row. ID numbers follow R-LAW-CD-2 (birth date and gender come from the number
 * and must agree with the columns when both are given); phones must be mainland mobiles.
 */
export function parseResidentRow(
  rowNo: number,
  cells: CellValue[],
  header: Map<ResidentImportColumn, number>,
): { ok: true; value: ParsedResident } | { ok: false; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const err = (column: ResidentImportColumn, code: string, params?: Record<string, string | number>) =>
    errors.push({ row: rowNo, column, code, ...(params && { params }) });
  const raw = (col: ResidentImportColumn) => {
    const i = header.get(col);
    return i === undefined ? undefined : cells[i];
  };
  const str = (col: ResidentImportColumn) => {
    const v = text(raw(col));
    const max = MAX_LEN[col];
    if (max && v.length > max) {
      err(col, 'imports.too_long', { max });
      return null;
    }
    return v || null;
  };

  const nameLen = errors.length;
  const name = str('name');
  if (!name && errors.length === nameLen) err('name', 'imports.required');

  let idNumber: string | null = null;
  const idRaw = raw('idNumber');
  if (typeof idRaw === 'number' && idRaw > 1e15) {
    err('idNumber', 'imports.id_number_as_number');
  } else {
    const v = text(idRaw).replace(/\s/g, '').toUpperCase();
    if (v) {
      const problem = idNumberProblem(v);
      if (problem) err('idNumber', `residents.id_number.${problem}`);
      else idNumber = v;
    }
  }

  let phone: string | null = null;
  const phoneText = text(raw('phone')).replace(/[\s-]/g, '');
  if (phoneText) {
    if (isValidMobile(phoneText)) phone = phoneText;
    else err('phone', 'residents.phone');
  }

  let gender: 'male' | 'female' | undefined;
  const genderText = text(raw('gender')).replace(/\s/g, '');
  if (genderText) {
    gender = GENDERS.get(genderText.toLowerCase());
    if (!gender) err('gender', 'imports.bad_value', { value: genderText });
  }

  let birthDate: string | null = null;
  const birthRaw = raw('birthDate');
  const birth = parseDate(birthRaw);
  if (birth === undefined) err('birthDate', 'imports.bad_date', { value: text(birthRaw) });
  else birthDate = birth;

  if (idNumber) {
    const fromId = birthDateFromIdNumber(idNumber)!;
    if (birthDate && birthDate !== fromId) err('birthDate', 'residents.birth_mismatch');
    birthDate = fromId;
    const g = genderFromIdNumber(idNumber);
    if (gender && gender !== g) err('gender', 'imports.gender_mismatch');
    gender = g;
  } else if (!gender && !genderText && !errors.some((e) => e.column === 'idNumber')) {
    err('gender', 'imports.gender_required');
  }

  const statusText = text(raw('registrationStatus')).replace(/\s/g, '');
  const registrationStatus = statusText ? STATUSES.get(statusText.toLowerCase()) : undefined;
  if (!statusText) err('registrationStatus', 'imports.required');
  else if (!registrationStatus) err('registrationStatus', 'imports.bad_value', { value: statusText });

  const tags: string[] = [];
  const addTag = (part: string) => {
    const tag = TAGS.get(part.replace(/\s/g, '').toLowerCase());
    if (tag && !tags.includes(tag)) tags.push(tag);
    return !!tag;
  };
  for (const part of text(raw('tags')).split(/[、,,;;/|]+/)) {
    const p = part.trim();
    // "living alone" is one tag; "独居 空巢" is two.
    if (!p || addTag(p)) continue;
    for (const word of p.split(/\s+/)) if (!addTag(word)) err('tags', 'imports.tag_unknown', { value: word });
  }

  const address = str('address');
  const building = str('building');
  const room = str('room');
  const notes = str('notes');

  if (errors.length || !name || !gender || !registrationStatus) return { ok: false, errors };
  return {
    ok: true,
    value: {
      name,
      gender,
      birthDate,
      idNumber,
      phone,
      address,
      building,
      room,
      registrationStatus,
      tags,
      notes,
    },
  };
}

/** True when every cell is blank (such rows are skipped, not counted). */
export function isBlankRow(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}
