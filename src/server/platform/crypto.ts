import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal data protection (R-LAW-PI-1): AES-256-GCM at rest, HMAC-SHA256 blind indexes for
 * exact-match search, and masks for lists and exports.
 */
export interface Pii {
  encrypt(plain: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed hash of a normalised value, for equality search and uniqueness. */
  blindIndex(kind: 'id' | 'phone' | 'address' | 'special_group', plain: string): string;
  /** HMAC-SHA256 (hex) under a key derived for `purpose`, e.g. the audit hash chain. */
  mac(purpose: string, text: string): string;
  /**
   * HMAC-SHA256 (hex) under a separate key derived from the master key with HKDF (`info`), e.g. the signed
   * audit checkpoints ('linli-audit-checkpoint'): a leak of one derived key does not give the others.
   */
  subkeyMac(info: string, text: string): string;
}

/**
 * Fresh random 12-byte IVs, cut from a buffer of 4,096 of them: one `randomBytes` call per IV costs
 * more than the encryption itself. Each IV is used once (the buffer is replaced, never refilled in place).
 */
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 12 > ivPool.length) {
    ivPool = randomBytes(12 * 4096);
    ivAt = 0;
  }
  ivAt += 12;
  return ivPool.subarray(ivAt - 12, ivAt);
}

export function createPii(masterKey: Buffer): Pii {
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-enc-v1', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-mac-v1', 32));
  const subkeys = new Map<string, Buffer>();
  const subkey = (info: string) => {
    let key = subkeys.get(info);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), info, 32));
      subkeys.set(info, key);
    }
    return key;
  };
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${ct.toString('base64url')}`;
    },
    decrypt(stored) {
      const [version, iv, tag, ct] = stored.split('.');
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    mac(purpose, text) {
      return createHmac('sha256', macKey).update(`${purpose}\n`).update(text).digest('hex');
    },
    subkeyMac(info, text) {
      return createHmac('sha256', subkey(info)).update(text).digest('hex');
    },
    blindIndex(kind, plain) {
      return createHmac('sha256', macKey)
        .update(`${kind}:${normalize(kind, plain)}`)
        .digest('base64url');
    },
  };
}

function normalize(kind: string, value: string): string {
  const v = value.trim();
  if (kind === 'id') return v.toUpperCase();
  if (kind === 'phone') return v.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return v;
}

/** 张** : the family name and a star per other character (where a list must not show a person's full name). */
export function maskGivenName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 138****1234 */
export function maskPhone(phone: string): string {
  const p = phone.replace(/[\s-]/g, '');
  if (p.length < 7) return '****';
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
}

/** First 6 + last 4 (R-LAW-PI-1). */
export function maskIdNumber(id: string): string {
  if (id.length < 10) return '****';
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Keeps the first few characters of an address (district/compound level), hides the rest. */
export function maskAddress(address: string): string {
  const chars = [...address];
  if (chars.length <= 4) return '****';
  return `${chars.slice(0, Math.min(6, chars.length - 4)).join('')}****`;
}
