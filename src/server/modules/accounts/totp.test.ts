import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUrl, totp, totpStep } from './totp';

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", 8-digit codes.
const SEED_SHA1 = Buffer.from('12345678901234567890', 'ascii');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012', 'ascii');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234', 'ascii');
const VECTORS: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at T=%i s the appendix B codes come out for SHA-1, SHA-256 and SHA-512', (s, a, b, c) => {
    const step = totpStep(new Date(s * 1000));
    expect(hotp(SEED_SHA1, step, 8)).toBe(a);
    expect(hotp(SEED_SHA256, step, 8, 'sha256')).toBe(b);
    expect(hotp(SEED_SHA512, step, 8, 'sha512')).toBe(c);
  });

  it('the SHA-1 vectors hold through the base32 secret that authenticator apps are given', () => {
    const secret = base32Encode(SEED_SHA1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(secret).equals(SEED_SHA1)).toBe(true);
    for (const [s, code] of VECTORS) expect(totp(secret, new Date(s * 1000), 8)).toBe(code);
    // The 6-digit code is the last 6 digits of the same truncation.
    expect(totp(secret, new Date(59_000))).toBe('287082');
  });

  it('a code is accepted one step either side of now, not two, and never at or before the last used step', () => {
    const secret = base32Encode(SEED_SHA1);
    const now = new Date(1111111111 * 1000);
    const step = totpStep(now);
    const at = (k: number) => hotp(SEED_SHA1, step + k);
    expect(matchTotp(secret, at(0), now)).toBe(step);
    expect(matchTotp(secret, at(-1), now)).toBe(step - 1);
    expect(matchTotp(secret, at(1), now)).toBe(step + 1);
    expect(matchTotp(secret, at(2), now)).toBeNull();
    expect(matchTotp(secret, at(-2), now)).toBeNull();
    expect(matchTotp(secret, at(0), now, step)).toBeNull();
    expect(matchTotp(secret, at(1), now, step)).toBe(step + 1);
    expect(matchTotp(secret, '12345', now)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('the otpauth URI names the issuer and the account', () => {
    expect(otpauthUrl('admin', 'ABC')).toBe('otpauth://totp/Linli:admin?secret=ABC&issuer=Linli');
  });
});
