import type { FastifyReply } from 'fastify';
import { formatMessage, type Locale } from '../../../shared/i18n/errors';

/** GeoReport v2 answers in the format named by the URL's suffix (R-O311-1). */
export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** "WO2026…​.xml" → { name: "WO2026…", format: "xml" }; null without a known suffix. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? { name: m[1]!, format: m[2] as Format } : null;
}

/** The format of the URL being answered, for errors raised before a route ran (JSON unless `.xml`). */
export function formatOfUrl(url: string): Format {
  return (url.split('?')[0] ?? '').endsWith('.xml') ? 'xml' : 'json';
}

/** ISO 8601 in China time with an explicit offset, e.g. 2026-11-23T09:00:00+08:00. */
export function isoChina(d: Date | null | undefined): string | null {
  if (!d) return null;
  return `${new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** XML 1.0 Char: tab, LF, CR, and the planes without surrogates, U+FFFE and U+FFFF. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Drops characters XML cannot carry at all (controls, lone surrogates), even escaped. */
function onlyXmlChars(text: string): string {
  let out = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0)!)) out += ch;
  return out;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an XML element or attribute. */
export function escapeXml(text: string): string {
  return onlyXmlChars(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Element names of list items, by the list's element name (GeoReport v2 XML). */
const ITEM: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [k: string]: XmlValue };

/** Builds an element from plain data: objects nest, arrays repeat their item element, null is empty. */
export function toXml(name: string, value: XmlValue): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM[name] ?? 'item';
    return `<${name}>${value.map((v) => toXml(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') {
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => toXml(k, v))
      .join('')}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `value` as JSON, or as XML under the root element `root`: the content type and the body text. */
export function render(format: Format, root: string, value: XmlValue): { contentType: string; body: string } {
  if (format === 'xml')
    return {
      contentType: 'text/xml; charset=utf-8',
      body: `<?xml version="1.0" encoding="utf-8"?>\n${toXml(root, value)}`,
    };
  return { contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) };
}

/** Sends `value` as JSON, or as XML under the root element `root`. */
export function send(reply: FastifyReply, format: Format, status: number, root: string, value: XmlValue) {
  const { contentType, body } = render(format, root, value);
  return reply.status(status).type(contentType).send(body);
}

export interface Problem {
  code: string;
  params?: Record<string, unknown>;
}

/**
 * A GeoReport v2 error: one HTTP status (400 bad or missing parameters, 403 bad api_key, 404 unknown
 * resource) and a list of problems, each answered as `{ code, description }`.
 */
export class Open311Error extends Error {
  readonly problems: Problem[];
  constructor(
    readonly status: number,
    problems: Problem | Problem[],
  ) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list[0]?.code ?? 'open311.error');
    this.problems = list;
  }
}

export const badParam = (name: string) =>
  new Open311Error(400, { code: 'open311.param_invalid', params: { name } });
export const missingParam = (name: string) =>
  new Open311Error(400, { code: 'open311.param_required', params: { name } });

export function sendError(reply: FastifyReply, format: Format, err: Open311Error, locale: Locale) {
  const body = err.problems.map((p) => ({
    code: err.status,
    description: formatMessage(p.code, locale, p.params),
  }));
  return send(reply, format, err.status, 'errors', body);
}
