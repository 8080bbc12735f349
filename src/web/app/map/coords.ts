import gcoord from 'gcoord';
import type { MapCrs } from '../../../shared/geo/mapSettings';

/**
 * WGS-84 ⇄ GCJ-02 (gcoord). Linli stores WGS-84; a GCJ-02 base map (AMap, or an XYZ layer declared gcj02)
 * shows every stored shape shifted into GCJ-02, and a point picked or drawn on it is shifted back.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** A stored (WGS-84) point as drawn on a base map in `crs`. */
export function toDisplay(p: LatLng, crs: MapCrs): LatLng {
  if (crs === 'wgs84') return p;
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { lat, lng };
}

/** A point picked on a base map in `crs`, as stored (WGS-84, 6 decimals ≈ 0.1 m). */
export function fromDisplay(p: LatLng, crs: MapCrs): LatLng {
  if (crs === 'wgs84') return { lat: round6(p.lat), lng: round6(p.lng) };
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
  return { lat: round6(lat), lng: round6(lng) };
}

/** Maps every [lng, lat] position of a GeoJSON geometry / Feature / FeatureCollection; other members kept. */
function mapPositions<T>(geo: T, f: (p: LatLng) => LatLng): T {
  const walk = (c: unknown): unknown => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      const q = f({ lng: c[0], lat: c[1] });
      return [q.lng, q.lat, ...c.slice(2)];
    }
    return Array.isArray(c) ? c.map(walk) : c;
  };
  const visit = (g: unknown): unknown => {
    if (!g || typeof g !== 'object') return g;
    const o = g as Record<string, unknown>;
    if (o.type === 'FeatureCollection') return { ...o, features: (o.features as unknown[]).map(visit) };
    if (o.type === 'Feature') return { ...o, geometry: visit(o.geometry) };
    if (o.type === 'GeometryCollection') return { ...o, geometries: (o.geometries as unknown[]).map(visit) };
    if ('coordinates' in o) return { ...o, coordinates: walk(o.coordinates) };
    return g;
  };
  return visit(geo) as T;
}

/** A stored (WGS-84) GeoJSON object as drawn on a base map in `crs`. */
export function geoToDisplay<T>(geo: T, crs: MapCrs): T {
  return crs === 'wgs84' || !geo ? geo : mapPositions(geo, (p) => toDisplay(p, crs));
}

/** A GeoJSON object drawn on a base map in `crs`, as stored (WGS-84, 6 decimals). */
export function geoFromDisplay<T>(geo: T, crs: MapCrs): T {
  return !geo ? geo : mapPositions(geo, (p) => fromDisplay(p, crs));
}
