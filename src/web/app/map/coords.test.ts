import { describe, expect, it } from 'vitest';
import { fromDisplay, geoFromDisplay, geoToDisplay, toDisplay } from './coords';

/** Metres between two points (equirectangular; fine at these distances). */
function metres(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const r = 6_371_000;
  const x = ((b.lng - a.lng) * Math.PI * Math.cos(((a.lat + b.lat) * Math.PI) / 360)) / 180;
  const y = ((b.lat - a.lat) * Math.PI) / 180;
  return r * Math.hypot(x, y);
}

// Tiananmen (Beijing) and Xinxialu subdistrict, Huangshi (the demo data's area).
const BEIJING = { lat: 39.908823, lng: 116.39747 };
const HUANGSHI = { lat: 30.18, lng: 114.945 };

type Geo = {
  type: string;
  features: {
    type: string;
    properties: { name: string };
    geometry: { type: string; coordinates: number[][][] };
  }[];
};

describe('WGS-84 ⇄ GCJ-02 for AMap base layers (issue 17 item 7)', () => {
  it('shifts a point by the known offset: a few hundred metres, roughly east-north-east', () => {
    const g = toDisplay(BEIJING, 'gcj02');
    // The well-known GCJ-02 position of Tiananmen is about 116.40372, 39.91023.
    expect(g.lng).toBeCloseTo(116.40372, 3);
    expect(g.lat).toBeCloseTo(39.91023, 3);
    const d = metres(BEIJING, g);
    expect(d).toBeGreaterThan(400);
    expect(d).toBeLessThan(700);
    const h = toDisplay(HUANGSHI, 'gcj02');
    expect(metres(HUANGSHI, h)).toBeGreaterThan(300);
    expect(metres(HUANGSHI, h)).toBeLessThan(900);
  });

  it('a point picked on the GCJ-02 map comes back within 1 m of the stored WGS-84 point', () => {
    for (const p of [BEIJING, HUANGSHI]) {
      const back = fromDisplay(toDisplay(p, 'gcj02'), 'gcj02');
      expect(metres(p, back)).toBeLessThan(1);
    }
  });

  it('leaves WGS-84 base maps (Tianditu, OSM) alone apart from rounding to 6 decimals', () => {
    expect(toDisplay(HUANGSHI, 'wgs84')).toEqual(HUANGSHI);
    expect(fromDisplay({ lat: 30.1800004, lng: 114.9449996 }, 'wgs84')).toEqual(HUANGSHI);
  });

  it('converts every position of a polygon, feature and collection, and back within 1 m', () => {
    const ring = [
      [114.94, 30.17],
      [114.95, 30.17],
      [114.95, 30.18],
      [114.94, 30.17],
    ];
    const poly = { type: 'Polygon', coordinates: [ring] };
    const shown: Geo = geoToDisplay(
      {
        type: 'FeatureCollection',
        features: [{ type: 'Feature', properties: { name: '一网格' }, geometry: poly }],
      },
      'gcj02',
    );
    const shownRing = shown.features[0]!.geometry.coordinates[0]!;
    expect(shown.features[0]!.properties.name).toBe('一网格');
    expect(shownRing[0]![0]).not.toBe(114.94);
    const back = geoFromDisplay(shown, 'gcj02').features[0]!.geometry.coordinates[0]!;
    back.forEach(([lng, lat], i) => {
      expect(metres({ lng: ring[i]![0]!, lat: ring[i]![1]! }, { lng: lng!, lat: lat! })).toBeLessThan(1);
    });
    // The ring stays closed after the round trip.
    expect(back[0]).toEqual(back[back.length - 1]);
    expect(geoToDisplay(poly, 'wgs84')).toBe(poly);
  });
});
