import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MapSettings } from '../../shared/geo/mapSettings';
import { formatMessage, pickLocale } from '../../shared/i18n/errors';
import { resolveMapSettings } from './map';

/**
 * The only API responses a browser or proxy may keep: public reference data, the same for every
 * caller (GET/HEAD, 2xx/304). Everything else under /api and /open311 is `Cache-Control: no-store`.
 */
export const PUBLIC_REFERENCE_PATHS: ReadonlySet<string> = new Set([
  '/api/config',
  '/api/public/work-orders/categories',
  '/open311/v2/discovery.json',
  '/open311/v2/discovery.xml',
  '/open311/v2/services.json',
  '/open311/v2/services.xml',
]);
const PUBLIC_REFERENCE_CACHE = 'public, max-age=300';

/**
 * The CSP source for the map tile server of a Leaflet URL template such as
 * `https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}…` → `https://*.tianditu.gov.cn`.
 * A label holding a placeholder becomes a leading wildcard (CSP allows one only on the left).
 * Relative templates need nothing beyond 'self'.
 */
export function tileSources(tilesUrl: string): string[] {
  const m = /^(https?:)?\/\/([^/?#]+)/i.exec(tilesUrl.trim());
  if (!m) return [];
  const scheme = (m[1] ?? '').toLowerCase();
  const [host = '', port] = m[2]!.split(/:(?=[^:]*$)/);
  const labels = host.toLowerCase().split('.');
  const lastTemplated = labels.findLastIndex((l) => l.includes('{'));
  const rest = labels.slice(lastTemplated + 1);
  if (!rest.every((l) => /^[a-z0-9-]+$/.test(l))) return [];
  // The whole host is a placeholder: only the scheme can be named.
  if (!rest.length) return scheme ? [scheme] : [];
  const portPart = port && /^\d+$/.test(port) ? `:${port}` : port ? ':*' : '';
  return [`${scheme}${scheme ? '//' : ''}${lastTemplated >= 0 ? '*.' : ''}${rest.join('.')}${portPart}`];
}

/** The CSP sources of every tile layer of the configured base map (Tianditu's two layers share one host). */
export function mapSources(map: MapSettings): string[] {
  return [...new Set(map.layers.flatMap((l) => tileSources(l.url)))];
}

type MapConfigured = { tilesUrl?: string; map?: MapSettings };

/** The policy; `img-src` follows the configured base map's tile hosts (a bare string: one XYZ template). */
export function contentSecurityPolicy(config: MapConfigured | string): string {
  const map = resolveMapSettings(typeof config === 'string' ? { tilesUrl: config } : config);
  return [
    "default-src 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "script-src 'self'",
    // antd and Leaflet set style attributes and insert <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    ['img-src', "'self'", 'data:', 'blob:', ...mapSources(map)].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join('; ');
}

const isApi = (path: string) => path === '/api' || path.startsWith('/api/') || path.startsWith('/open311/');

/** Sets the security headers and the API caching rule on one reply. */
function securityHeaders(config: MapConfigured) {
  const headers: Record<string, string> = {
    'content-security-policy': contentSecurityPolicy(config),
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    // Phone check-in reads the location; the report page takes photos with the camera.
    'permissions-policy': 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()',
  };
  return (request: FastifyRequest, reply: FastifyReply) => {
    for (const [name, value] of Object.entries(headers))
      if (!reply.hasHeader(name)) reply.header(name, value);
    // The matched route's pattern, so an encoded path (/%61pi/…) is judged like the plain one.
    const route = request.routeOptions?.url;
    if (isApi(request.url.split('?')[0] ?? '') || (route !== undefined && isApi(route))) {
      const isPublic =
        route !== undefined &&
        PUBLIC_REFERENCE_PATHS.has(route) &&
        (request.method === 'GET' || request.method === 'HEAD') &&
        reply.statusCode < 400;
      if (isPublic) {
        reply.header('cache-control', PUBLIC_REFERENCE_CACHE);
        // Category names come in the caller's language.
        reply.header('vary', 'Accept-Language');
      } else {
        reply.header('cache-control', 'no-store');
      }
    }
  };
}

/**
 * Security headers on every response (API, web app, errors, 404s), set in one onSend hook.
 * A route that sets a stricter header of its own keeps it; Cache-Control under /api and /open311
 * is decided here only.
 */
export function registerSecurityHeaders(app: FastifyInstance, config: MapConfigured) {
  const apply = securityHeaders(config);
  app.addHook('onSend', async (request, reply, payload) => {
    apply(request, reply);
    return payload;
  });
}

/**
 * Fastify's `frameworkErrors`: a URL that cannot be decoded or a path parameter over the length
 * limit, answered before routing (so before any hook) in the standard error shape, with the headers.
 */
export function frameworkErrorHandler(config: MapConfigured) {
  const apply = securityHeaders(config);
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    apply(request, reply);
    const status = error.statusCode === 414 ? 414 : 400;
    const locale = pickLocale(request.headers['accept-language']);
    return reply
      .status(status)
      .send({ error: { code: 'common.validation', message: formatMessage('common.validation', locale) } });
  };
}
