import type { Db } from '../../platform/db';
import { type OrgSnapshot, orgSnapshot } from './workOrders.cache';

export interface Territory {
  gridId: string | null;
  communityId: string | null;
  subdistrictId: string | null;
  /** How it was found: building, point, address, hint, or none (→ the dispatcher decides). */
  by: 'building' | 'point' | 'address' | 'hint' | 'none';
}

type Ring = [number, number][];

/** Ray casting on [lng, lat] rings; holes (rings after the first) exclude. */
export function pointInPolygon(lng: number, lat: number, geometry: unknown): boolean {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g?.coordinates) return false;
  const polygons = (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]) as Ring[][];
  return polygons.some((rings) => {
    if (!rings[0] || !inRing(lng, lat, rings[0])) return false;
    return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
  });
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Metres between two points (haversine). */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

async function fromPath(db: Db, org: OrgSnapshot, path: string): Promise<Omit<Territory, 'by'>> {
  const units = [...(await org.units(db, path.split('/').filter(Boolean))).values()];
  const of = (kind: string) => units.find((u) => u.kind === kind)?.id ?? null;
  return { gridId: of('grid'), communityId: of('community'), subdistrictId: of('subdistrict') };
}

/**
 * R-WO-4 territorial routing: the building's grid, else the grid containing the point, else the community
 * named in the address, else the hinted community; otherwise nothing (the dispatcher routes it by hand).
 */
export async function routeTerritory(db: Db, input: RoutingInput): Promise<Territory> {
  return routeIn(db, await orgSnapshot(db), input);
}

export interface RoutingInput {
  buildingId?: string | null;
  lat?: number | null;
  lng?: number | null;
  address?: string | null;
  communityId?: string | null;
}

/** `routeTerritory` on a given snapshot of the org tree (see workOrders.cache.ts). */
export async function routeIn(db: Db, org: OrgSnapshot, input: RoutingInput): Promise<Territory> {
  if (input.buildingId) {
    const b = await org.unit(db, input.buildingId);
    if (b?.status === 'active') return { ...(await fromPath(db, org, b.path)), by: 'building' };
  }
  if (input.lat != null && input.lng != null) {
    const hit = org.grids.find((g) => pointInPolygon(input.lng!, input.lat!, g.boundary));
    if (hit) return { ...(await fromPath(db, org, hit.path)), by: 'point' };
  }
  if (input.address) {
    const named = org.communities
      .filter(
        (c) => input.address!.includes(c.name) || input.address!.includes(c.name.replace(/(社区|村)$/, '')),
      )
      .sort((a, b) => b.name.length - a.name.length)[0];
    if (named) return { ...(await fromPath(db, org, named.path)), by: 'address' };
  }
  if (input.communityId) {
    const c = await org.unit(db, input.communityId);
    if (c?.kind === 'community') return { ...(await fromPath(db, org, c.path)), by: 'hint' };
  }
  return { gridId: null, communityId: null, subdistrictId: null, by: 'none' };
}
