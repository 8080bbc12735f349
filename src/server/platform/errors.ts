/** One error type for every expected failure (DESIGN convention 7). */
export interface FieldIssue {
  path: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly details?: { fields?: FieldIssue[]; [k: string]: unknown },
  ) {
    super(code);
  }
}

export const notFound = () => new AppError('common.not_found', 404);
export const forbidden = () => new AppError('common.forbidden', 403);
export const invalidField = (path: string, code: string, status = 422) =>
  new AppError('common.validation', status, {}, { fields: [{ path, code }] });
