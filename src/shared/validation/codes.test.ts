import { describe, expect, it } from 'vitest';
import {
  birthDateFromIdNumber,
  genderFromIdNumber,
  idCheckChar,
  idNumberProblem,
  isValidMobile,
  isValidUscc,
  parseDivisionCode,
  usccCheckChar,
} from './codes';

describe('R-LAW-CD-2 resident identity numbers', () => {
  it('accepts the GB 11643 example number and derives birth date and gender', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromIdNumber('11010519491231002X')).toBe('female');
  });
  it('rejects a wrong check character, an impossible birth date and a malformed number', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checkDigit');
    const bad = `42020019990230123`;
    expect(idNumberProblem(bad + idCheckChar(bad))).toBe('birthDate');
    expect(idNumberProblem('12345')).toBe('format');
  });
  it('lower-case x is accepted as the check character X', () => {
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });
});

describe('R-LAW-CD-3 unified social credit codes', () => {
  it('accepts a code whose check character is computed by the GB 32100 weights', () => {
    const body = '91420200MA4K0000';
    const first17 = `${body}0`;
    const code = first17 + usccCheckChar(first17);
    expect(isValidUscc(code)).toBe(true);
  });
  it('rejects a wrong check character, forbidden letters and wrong length', () => {
    const first17 = '91420200MA4K00000';
    const good = first17 + usccCheckChar(first17);
    const wrong = first17 + (good.endsWith('0') ? '1' : '0');
    expect(isValidUscc(wrong)).toBe(false);
    expect(isValidUscc('91420200MA4K0000I0')).toBe(false);
    expect(isValidUscc('123')).toBe(false);
  });
});

describe('R-LAW-CD-1 division codes', () => {
  it('classifies county, subdistrict and residents-committee codes', () => {
    expect(parseDivisionCode('420204')).toEqual({ level: 'county' });
    expect(parseDivisionCode('420204003')?.townshipKind).toBe('subdistrict');
    expect(parseDivisionCode('420204101')?.townshipKind).toBe('town');
    expect(parseDivisionCode('420204003001')).toEqual({
      level: 'village',
      townshipKind: 'subdistrict',
      villageKind: 'residents',
    });
    expect(parseDivisionCode('420204201210')?.villageKind).toBe('villagers');
  });
  it('rejects township parts out of range and wrong lengths', () => {
    expect(parseDivisionCode('420204400')).toBeNull();
    expect(parseDivisionCode('420204003400')).toBeNull();
    expect(parseDivisionCode('4202')).toBeNull();
  });
});

it('validates mainland mobile numbers', () => {
  expect(isValidMobile('13812341234')).toBe(true);
  expect(isValidMobile('+86 138 1234 1234')).toBe(true);
  expect(isValidMobile('12812341234')).toBe(false);
});
