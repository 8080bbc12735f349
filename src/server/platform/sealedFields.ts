import { maskIdNumber, maskPhone, type Pii } from './crypto';

/**
 * Personal data sealed for storage (R-LAW-PI-1): the ciphertext, the blind index and the mask of one
 * value, under the keys of `encryptedColumns` (`<key>Enc`, `<key>Hash`, `<key>Mask`). An empty or absent
 * value seals to nulls in all three.
 */

/** A mobile number as stored and indexed: no spaces or dashes, no +86/86 prefix; null when empty. */
export function storedPhone(phone: string | null | undefined): string | null {
  return phone ? phone.replace(/[\s-]/g, '').replace(/^\+?86/, '') : null;
}

/** An ID number as stored and indexed: upper case (the check letter X); null when empty. */
export function storedIdNumber(idNumber: string | null | undefined): string | null {
  return idNumber ? idNumber.toUpperCase() : null;
}

/** A phone already in its stored form (`storedPhone`) sealed as `phoneEnc`, `phoneHash`, `phoneMask`. */
export function sealedPhone(pii: Pii, phone: string | null) {
  return {
    phoneEnc: phone ? pii.encrypt(phone) : null,
    phoneHash: phone ? pii.blindIndex('phone', phone) : null,
    phoneMask: phone ? maskPhone(phone) : null,
  };
}

/** An ID number already in its stored form (`storedIdNumber`) sealed as `idNumberEnc`, `idNumberHash`, `idNumberMask`. */
export function sealedIdNumber(pii: Pii, idNumber: string | null) {
  return {
    idNumberEnc: idNumber ? pii.encrypt(idNumber) : null,
    idNumberHash: idNumber ? pii.blindIndex('id', idNumber) : null,
    idNumberMask: idNumber ? maskIdNumber(idNumber) : null,
  };
}

/**
 * A phone sent in a body, kept as `<key>Enc` (ciphertext) and `<key>Mask` only, with no blind index: none when
 * it was not sent, both null when it was cleared.
 */
export function maskedPhoneFields<K extends string>(pii: Pii, key: K, phone: string | null | undefined) {
  type Sealed = { [P in `${K}Enc` | `${K}Mask`]?: string | null };
  if (phone === undefined) return {} as Sealed;
  const v = storedPhone(phone);
  return { [`${key}Enc`]: v ? pii.encrypt(v) : null, [`${key}Mask`]: v ? maskPhone(v) : null } as Sealed;
}
