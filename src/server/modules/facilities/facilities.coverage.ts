import {
  type CoverageFlag,
  ELDERLY_CARE_RESIDENTS_PER_FACILITY,
  FACILITY_CATEGORIES,
  type FacilityCategory,
  LIFE_CIRCLE_RADIUS_M,
  SUB_STATION_DISTANCE_M,
  SUB_STATION_STAFF_MAX,
  SUB_STATION_STAFF_MIN,
} from '../../../shared/contracts/facilities';

/** Mean Earth radius (m), IUGG. */
const EARTH_M = 6_371_008.8;

/** Great-circle distance in metres between two WGS-84 points (haversine), rounded to the metre. */
export function distanceM(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * EARTH_M * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** A box around a point that holds every point within `m` metres (for an indexed pre-filter). */
export function boxAround(p: { lat: number; lng: number }, m: number) {
  const dLat = (m / 111_000) * 1.01;
  const dLng = (m / (111_000 * Math.max(0.05, Math.cos((p.lat * Math.PI) / 180)))) * 1.01;
  return { minLat: p.lat - dLat, maxLat: p.lat + dLat, minLng: p.lng - dLng, maxLng: p.lng + dLng };
}

export interface CoverageFacility {
  id: string;
  name: string;
  orgPath: string;
  lat: number | null;
  lng: number | null;
  staffCount: number;
  category: FacilityCategory | null;
  role: 'centre' | 'sub_station' | null;
}

export interface CoverageUnit {
  id: string;
  path: string;
  lat: number | null;
  lng: number | null;
  urbanVillage: boolean;
  permanentResidents: number;
}

export interface CoverageFacts {
  permanentResidents: number;
  located: boolean;
  centre: { id: string; name: string } | null;
  distanceToCentreM: number | null;
  needsSubStation: boolean;
  subStations: { id: string; name: string; staffCount: number }[];
  elderlyCareFacilities: number;
  elderlyCareRequired: number;
  lifeCircle: { category: FacilityCategory; count: number; nearestM: number | null }[];
  lifeCircleMissing: FacilityCategory[];
  flags: CoverageFlag[];
}

const located = (f: { lat: number | null; lng: number | null }): f is { lat: number; lng: number } =>
  f.lat !== null && f.lng !== null;

/** R-ORG-6: "按照常住人口数量建设1个以上" — at least one, one more per ELDERLY_CARE_RESIDENTS_PER_FACILITY. */
export function elderlyCareRequired(permanentResidents: number): number {
  return Math.max(1, Math.ceil(permanentResidents / ELDERLY_CARE_RESIDENTS_PER_FACILITY));
}

/**
 * The coverage of one community (village), computed from coordinates, never typed:
 * - R-ORG-5: the distance from the community's point to its party-mass service centre (the nearest centre
 *   among its own facilities); an urban village at SUB_STATION_DISTANCE_M or more (inclusive) needs a
 *   sub-station among its facilities, each staffed by 1–2 workers;
 * - R-ORG-6: an urban village has at least `elderlyCareRequired(permanent residents)` elderly-care facilities;
 * - the 15-minute life circle: per category of seed 003, the facilities in use within LIFE_CIRCLE_RADIUS_M
 *   of the community's point (`nearby`: every facility around it, whoever keeps it).
 * `own` are the facilities in use under the community's path.
 */
export function coverageOf(
  unit: CoverageUnit,
  own: CoverageFacility[],
  nearby: CoverageFacility[],
): CoverageFacts {
  const flags: CoverageFlag[] = [];
  const point = located(unit) ? { lat: unit.lat, lng: unit.lng } : null;
  if (!point) flags.push('no_location');

  const centres = own.filter((f) => f.role === 'centre');
  let centre: CoverageFacility | null = null;
  let distance: number | null = null;
  for (const c of centres) {
    if (!point || !located(c)) {
      centre ??= c;
      continue;
    }
    const d = distanceM(point, c);
    if (distance === null || d < distance) {
      distance = d;
      centre = c;
    }
  }
  if (!centre) flags.push('no_centre');

  const subStations = own.filter((f) => f.role === 'sub_station');
  const needsSubStation = unit.urbanVillage && distance !== null && distance >= SUB_STATION_DISTANCE_M;
  if (needsSubStation) {
    if (subStations.length === 0) flags.push('sub_station_missing');
    else if (
      subStations.some((s) => s.staffCount < SUB_STATION_STAFF_MIN || s.staffCount > SUB_STATION_STAFF_MAX)
    )
      flags.push('sub_station_staffing');
  }

  const elderly = own.filter((f) => f.category === 'elderly_care').length;
  const required = unit.urbanVillage ? elderlyCareRequired(unit.permanentResidents) : 0;
  if (unit.urbanVillage && elderly < required) flags.push('no_elderly_care');

  const lifeCircle = FACILITY_CATEGORIES.map((category) => {
    let count = 0;
    let nearest: number | null = null;
    if (point)
      for (const f of nearby) {
        if (f.category !== category || !located(f)) continue;
        const d = distanceM(point, f);
        if (d > LIFE_CIRCLE_RADIUS_M) continue;
        count++;
        if (nearest === null || d < nearest) nearest = d;
      }
    return { category, count, nearestM: nearest };
  });
  const missing = lifeCircle.filter((c) => c.count === 0).map((c) => c.category);
  if (point && missing.length > 0) flags.push('life_circle_gaps');

  return {
    permanentResidents: unit.permanentResidents,
    located: point !== null,
    centre: centre ? { id: centre.id, name: centre.name } : null,
    distanceToCentreM: distance,
    needsSubStation,
    subStations: subStations.map((s) => ({ id: s.id, name: s.name, staffCount: s.staffCount })),
    elderlyCareFacilities: elderly,
    elderlyCareRequired: required,
    lifeCircle,
    lifeCircleMissing: missing,
    flags,
  };
}
