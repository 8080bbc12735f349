import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { imageMime } from './storage';

/** The largest photo any module accepts. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** The error codes a module answers for a missing, oversized or non-image upload (its own or the common ones). */
export interface PhotoErrorCodes {
  required: string;
  tooLarge: string;
  notImage: string;
}

const COMMON_CODES: PhotoErrorCodes = {
  required: 'common.photo_required',
  tooLarge: 'common.photo_too_large',
  notImage: 'common.photo_not_image',
};

/**
 * Reads one image from a multipart request (the first file part): refuses a request without one (400), a
 * file over 5 MB (413) and anything whose first bytes are not JPEG, PNG or WebP (415, never by its name).
 */
export async function readPhoto(
  req: FastifyRequest,
  codes: PhotoErrorCodes = COMMON_CODES,
): Promise<{ data: Buffer; name: string; mime: string }> {
  if (!req.isMultipart()) throw new AppError(codes.required, 400);
  let file: { data: Buffer; name: string } | undefined;
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        file ??= { data, name: part.filename || 'photo' };
      }
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(codes.tooLarge, 413, { mb: 5 });
    throw new AppError(codes.required, 400);
  }
  if (!file) throw new AppError(codes.required, 400);
  const mime = imageMime(file.data);
  if (!mime) throw new AppError(codes.notImage, 415);
  return { ...file, mime };
}
