/**
 * Checks an org unit's boundary (GeoJSON, WGS-84 longitude/latitude) before it is stored: a Polygon or
 * MultiPolygon (a Feature of one is unwrapped), every ring closed (first position = last) with at least 4
 * positions, longitudes in [-180, 180] and latitudes in [-90, 90]. Used by the org API and the console's
 * drawing tool and GeoJSON import, so both refuse the same shapes.
 */
export type BoundaryProblem = 'type' | 'ring_open' | 'ring_short' | 'range' | 'position';

export type Position = [number, number];
export type PolygonGeometry = { type: 'Polygon'; coordinates: Position[][] };
export type MultiPolygonGeometry = { type: 'MultiPolygon'; coordinates: Position[][][] };
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

export type BoundaryCheck =
  | { ok: true; geometry: BoundaryGeometry }
  | { ok: false; problem: BoundaryProblem };

const MAX_POSITIONS = 20_000;

function checkRing(ring: unknown, count: { n: number }): BoundaryProblem | Position[] {
  if (!Array.isArray(ring)) return 'position';
  const out: Position[] = [];
  for (const p of ring) {
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'position';
    const [lng, lat] = p;
    if (
      typeof lng !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lng) ||
      !Number.isFinite(lat)
    ) {
      return 'position';
    }
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return 'range';
    out.push([lng, lat]);
    if (++count.n > MAX_POSITIONS) return 'position';
  }
  if (out.length < 4) return 'ring_short';
  const [a, b] = [out[0]!, out[out.length - 1]!];
  if (a[0] !== b[0] || a[1] !== b[1]) return 'ring_open';
  return out;
}

function checkPolygon(rings: unknown, count: { n: number }): BoundaryProblem | Position[][] {
  if (!Array.isArray(rings) || rings.length === 0) return 'type';
  const out: Position[][] = [];
  for (const r of rings) {
    const checked = checkRing(r, count);
    if (typeof checked === 'string') return checked;
    out.push(checked);
  }
  return out;
}

export function checkBoundary(value: unknown): BoundaryCheck {
  let geo = value as { type?: unknown; coordinates?: unknown; geometry?: unknown } | null;
  if (geo && typeof geo === 'object' && geo.type === 'Feature') geo = geo.geometry as typeof geo;
  if (!geo || typeof geo !== 'object') return { ok: false, problem: 'type' };
  const count = { n: 0 };
  if (geo.type === 'Polygon') {
    const rings = checkPolygon(geo.coordinates, count);
    return typeof rings === 'string'
      ? { ok: false, problem: rings }
      : { ok: true, geometry: { type: 'Polygon', coordinates: rings } };
  }
  if (geo.type === 'MultiPolygon') {
    if (!Array.isArray(geo.coordinates) || geo.coordinates.length === 0)
      return { ok: false, problem: 'type' };
    const polygons: Position[][][] = [];
    for (const poly of geo.coordinates) {
      const rings = checkPolygon(poly, count);
      if (typeof rings === 'string') return { ok: false, problem: rings };
      polygons.push(rings);
    }
    return { ok: true, geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  return { ok: false, problem: 'type' };
}
