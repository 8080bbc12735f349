/**
 * The one HTTP client of the console: JSON in and out, the session cookie, the CSRF header on writes,
 * and Accept-Language matching the UI language. Errors come back as ApiError with the server's
 * already-localised message and field details.
 */
import type { Locale } from '../../shared/i18n/errors';

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get notFound() {
    return this.status === 404;
  }
}

export type Query = Record<string, string | number | boolean | readonly string[] | null | undefined>;

const state: { csrfToken: string | null; locale: Locale; onUnauthenticated: (() => void) | null } = {
  csrfToken: null,
  locale: 'zh-CN',
  onUnauthenticated: null,
};

export const apiSession = {
  setCsrfToken(token: string | null) {
    state.csrfToken = token;
  },
  setLocale(locale: Locale) {
    state.locale = locale;
  },
  onUnauthenticated(handler: () => void) {
    state.onUnauthenticated = handler;
  },
};

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else params.append(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

function headers(method: string, extra?: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json', 'Accept-Language': state.locale, ...extra };
  if (method !== 'GET' && state.csrfToken) h['x-csrf-token'] = state.csrfToken;
  return h;
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON (proxy error page, network trouble)
  }
  const err = (
    body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | null
  )?.error;
  const fields = Array.isArray(err?.details?.fields) ? (err.details.fields as FieldIssue[]) : [];
  const fallback =
    state.locale === 'en' ? `Request failed (HTTP ${res.status})` : `请求失败(HTTP ${res.status}),请稍后重试`;
  const apiError = new ApiError(
    res.status,
    err?.code ?? `http.${res.status}`,
    err?.message ?? fallback,
    fields,
    err?.details,
  );
  if (res.status === 401 && state.onUnauthenticated) state.onUnauthenticated();
  return apiError;
}

async function send(
  method: string,
  path: string,
  init: {
    query?: Query;
    body?: unknown;
    form?: FormData;
    anonymous?: boolean;
    headers?: Record<string, string>;
  } = {},
) {
  const url = withQuery(path, init.query);
  let res: Response;
  const h = headers(method, {
    ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...init.headers,
  });
  if (init.anonymous) delete h['x-csrf-token'];
  try {
    res = await fetch(url, {
      method,
      credentials: init.anonymous ? 'omit' : 'same-origin',
      headers: h,
      body: init.form ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      state.locale === 'en' ? 'Cannot reach the server; check the network' : '无法连接服务器,请检查网络',
    );
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function json<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: Query) => json<T>(await send('GET', path, { query })),
  post: async <T>(path: string, body?: unknown, extraHeaders?: Record<string, string>) =>
    json<T>(await send('POST', path, { body: body ?? {}, headers: extraHeaders })),
  patch: async <T>(path: string, body: unknown) => json<T>(await send('PATCH', path, { body })),
  put: async <T>(path: string, body: unknown) => json<T>(await send('PUT', path, { body })),
  del: async <T>(path: string) => json<T>(await send('DELETE', path)),
  upload: async <T>(path: string, form: FormData) => json<T>(await send('POST', path, { form })),
  /** A write without the session cookie (a public page used while logged in as staff). */
  postAnonymous: async <T>(path: string, body: unknown, extraHeaders?: Record<string, string>) =>
    json<T>(await send('POST', path, { body, anonymous: true, headers: extraHeaders })),
  /** Downloads a file (Excel export, template) and saves it under the server's file name. */
  async download(path: string, query?: Query, fallbackName = 'export.xlsx') {
    const res = await send('GET', path, { query });
    const blob = await res.blob();
    const cd = res.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
    const plain = /filename="([^"]+)"/i.exec(cd)?.[1];
    const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return name;
  },
};

/** A paginated list as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
