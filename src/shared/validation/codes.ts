/**
 * Check-digit validators for Chinese national codes. Isomorphic: used by the API and the web app.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** R-LAW-CD-2: resident identity number (GB 11643). Returns null when valid. */
export function idNumberProblem(raw: string): IdNumberProblem | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!birthDateFromIdNumber(id)) return 'birthDate';
  return idCheckChar(id.slice(0, 17)) === id[17] ? null : 'checkDigit';
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Digits 7–14 as an ISO date, or null when they are not a real date. */
export function birthDateFromIdNumber(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1890 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Digit 17 odd = male (R-LAW-CD-2). */
export function genderFromIdNumber(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** R-LAW-CD-3: unified social credit code (GB 32100). */
export function isValidUscc(raw: string): boolean {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return false;
  for (let i = 0; i < 17; i++) if (USCC_ALPHABET.indexOf(code[i]!) < 0) return false;
  return code[17] === usccCheckChar(code.slice(0, 17)) && USCC_ALPHABET.includes(code[17]!);
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type DivisionLevel = 'county' | 'township' | 'village';

/**
 * R-LAW-CD-1: division codes. 6 digits = county (GB/T 2260); 9 = + township (001–099 subdistrict,
 * 100–199 town, 200–399 township); 12 = + village-level unit (001–199 residents' committee,
 * 200–399 villagers' committee). Returns null when the code is not well formed.
 */
export function parseDivisionCode(raw: string): {
  level: DivisionLevel;
  townshipKind?: 'subdistrict' | 'town' | 'township';
  villageKind?: 'residents' | 'villagers';
} | null {
  const code = raw.trim();
  if (!/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) return null;
  if (code.slice(0, 2) === '00') return null;
  if (code.length === 6) return { level: 'county' };
  const t = Number(code.slice(6, 9));
  const townshipKind =
    t >= 1 && t <= 99
      ? 'subdistrict'
      : t >= 100 && t <= 199
        ? 'town'
        : t >= 200 && t <= 399
          ? 'township'
          : null;
  if (!townshipKind) return null;
  if (code.length === 9) return { level: 'township', townshipKind };
  const v = Number(code.slice(9, 12));
  const villageKind = v >= 1 && v <= 199 ? 'residents' : v >= 200 && v <= 399 ? 'villagers' : null;
  if (!villageKind) return null;
  return { level: 'village', townshipKind, villageKind };
}

/** An 11-digit mainland mobile number as typed into a phone form (no +86, no spaces). */
export const MOBILE_NUMBER = /^1[3-9]\d{9}$/;

/** Mainland mobile number, optionally with +86. */
export function isValidMobile(raw: string): boolean {
  return /^(\+?86)?1[3-9]\d{9}$/.test(raw.replace(/[\s-]/g, ''));
}

/** Builds a valid identity number from a 6-digit region, a birth date (YYYYMMDD) and a 3-digit sequence. */
export function composeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}
