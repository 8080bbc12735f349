import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where uploaded files live: local disk now, an S3-compatible store later behind the same interface. */
export interface Storage {
  put(id: string, data: Buffer): Promise<void>;
  get(id: string): Promise<Buffer | null>;
}

export function createLocalStorage(dataDir: string): Storage {
  const dir = join(dataDir || join(tmpdir(), 'linli-uploads'), 'uploads');
  const file = (id: string) => join(dir, id.replace(/[^0-9a-f-]/gi, ''));
  return {
    async put(id, data) {
      await mkdir(dir, { recursive: true });
      await writeFile(file(id), data);
    },
    async get(id) {
      return readFile(file(id)).catch(() => null);
    },
  };
}

/** The image type of a file by its first bytes (never by its name), or null. */
export function imageMime(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length > 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    data.length > 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  return null;
}
