import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const square = (lng: number, lat: number, d = 0.002) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

describe('grid boundaries drawn in the console (issue 17 item 7, R-ORG-1)', () => {
  it('a drawn polygon is saved through PATCH and read back', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.patch(`/api/org/units/${t.fx.tongduGrid.id}`, { boundary: square(114.94, 30.17) });
    expect(res.statusCode).toBe(200);
    expect(res.json().boundary).toEqual(square(114.94, 30.17));
    // A Feature is unwrapped to its geometry; a MultiPolygon is accepted.
    const multi = {
      type: 'MultiPolygon',
      coordinates: [square(114.94, 30.17).coordinates, square(114.95, 30.17).coordinates],
    };
    const f = await sd.patch(`/api/org/units/${t.fx.tongduGrid.id}`, {
      boundary: { type: 'Feature', properties: {}, geometry: multi },
    });
    expect(f.statusCode).toBe(200);
    expect(f.json().boundary).toEqual(multi);
    // null clears it.
    expect(
      (await sd.patch(`/api/org/units/${t.fx.tongduGrid.id}`, { boundary: null })).json().boundary,
    ).toBeNull();
  });

  it('refuses an invalid shape with a 422 and a Chinese message saying what is wrong', async () => {
    const sd = await t.as('sd_admin');
    const cases: [unknown, string, RegExp][] = [
      [{ type: 'Point', coordinates: [114.9, 30.1] }, 'org.boundary_type', /Polygon/],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [114.9, 30.1],
              [114.91, 30.1],
              [114.91, 30.11],
              [114.9, 30.12],
            ],
          ],
        },
        'org.boundary_ring_open',
        /未闭合/,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [114.9, 30.1],
              [114.91, 30.1],
              [114.9, 30.1],
            ],
          ],
        },
        'org.boundary_ring_short',
        /至少/,
      ],
      [square(184.9, 30.1), 'org.boundary_range', /经度/],
      [square(114.9, 95), 'org.boundary_range', /纬度/],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              ['a', 30],
              [1, 2],
              [3, 4],
              ['a', 30],
            ],
          ],
        },
        'org.boundary_position',
        /格式/,
      ],
    ];
    for (const [boundary, code, text] of cases) {
      const res = await sd.patch(`/api/org/units/${t.fx.tongduGrid.id}`, { boundary });
      expect(res.statusCode, code).toBe(422);
      expect(res.json().error.code).toBe(code);
      expect(res.json().error.message).toMatch(text);
    }
    // The same check on create.
    const created = await sd.post('/api/org/units', {
      parentId: t.fx.tongdu.id,
      kind: 'grid',
      name: '开环网格',
      boundary: cases[1]![0],
    });
    expect(created.statusCode).toBe(422);
  });
});

describe('GeoJSON import of grid boundaries (issue 17 item 7)', () => {
  const collection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { 名称: '铜都第一网格' }, geometry: square(114.94, 30.17) },
      { type: 'Feature', properties: { 名称: '不存在的网格' }, geometry: square(114.95, 30.17) },
      { type: 'Feature', properties: {}, geometry: square(114.96, 30.17) },
      { type: 'Feature', properties: { 名称: '铜都第一网格' }, geometry: square(114.97, 30.17) },
    ],
  };

  it('previews the matches by name without changing anything, then applies them with an audit entry', async () => {
    const sd = await t.as('sd_admin');
    await sd.patch(`/api/org/units/${t.fx.tongduGrid.id}`, { boundary: null });
    const preview = await sd.post(`/api/org/units/${t.fx.tongdu.id}/boundaries/import`, {
      geojson: collection,
    });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.nameProperty).toBe('名称');
    expect(p.matched).toBe(1);
    expect(p.applied).toBe(0);
    expect(
      p.rows.map((r: { unitName: string | null; problem: string | null }) => [r.unitName, r.problem]),
    ).toEqual([
      ['铜都第一网格', null],
      [null, 'no_match'],
      [null, 'no_name'],
      ['铜都第一网格', 'duplicate'],
    ]);
    expect(p.rows[1].problemText).toBe('本单位下没有同名网格');
    expect((await sd.get(`/api/org/units/${t.fx.tongduGrid.id}`)).json().boundary).toBeNull();

    const applied = (
      await sd.post(`/api/org/units/${t.fx.tongdu.id}/boundaries/import`, {
        geojson: collection,
        apply: true,
      })
    ).json();
    expect(applied.applied).toBe(1);
    expect((await sd.get(`/api/org/units/${t.fx.tongduGrid.id}`)).json().boundary).toEqual(
      square(114.94, 30.17),
    );
    const audit = (await (await t.as('admin')).get(`/api/audit?entityId=${t.fx.tongduGrid.id}`)).json();
    const items = (audit.items ?? audit) as { action: string }[];
    expect(items.some((a) => a.action === 'org.boundary_import')).toBe(true);
  });

  it('an invalid feature geometry is listed with its reason and skipped; an empty file is refused', async () => {
    const sd = await t.as('sd_admin');
    const bad = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name: '铜都第一网格' },
          geometry: {
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        },
      ],
    };
    const res = (
      await sd.post(`/api/org/units/${t.fx.tongdu.id}/boundaries/import`, { geojson: bad, apply: true })
    ).json();
    expect(res.rows[0].problem).toBe('org.boundary_type');
    expect(res.applied).toBe(0);
    const empty = await sd.post(`/api/org/units/${t.fx.tongdu.id}/boundaries/import`, {
      geojson: { type: 'FeatureCollection', features: [] },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toMatch(/FeatureCollection/);
    // Junk inside the collection is listed as features without a name, never a 500.
    const junk = await sd.post(`/api/org/units/${t.fx.tongdu.id}/boundaries/import`, {
      geojson: {
        type: 'FeatureCollection',
        features: [null, 3, 'x', [], { properties: 'p', geometry: null }],
      },
    });
    expect(junk.statusCode).toBe(200);
    expect(junk.json().rows.map((r: { problem: string }) => r.problem)).toEqual(Array(5).fill('no_name'));
  });

  it('outside the scope the unit is not found (404)', async () => {
    const w = await t.as('tongdu_worker');
    const res = await w.post(`/api/org/units/${t.fx.xihuayuan.id}/boundaries/import`, {
      geojson: collection,
    });
    expect([403, 404]).toContain(res.statusCode);
  });
});
