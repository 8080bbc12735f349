import type { BoundaryImportResult, ImportBoundariesBody } from '../../../shared/contracts/org';
import { type BoundaryGeometry, checkBoundary } from '../../../shared/geo/boundary';
import { formatMessage, type Locale } from '../../../shared/i18n/errors';
import { foundInReach } from '../../platform/findInScope';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { orgPolicy } from './org.policy';
import { activeUnitsUnder, findUnit, type OrgUnitRow, updateUnitRow } from './org.repository';

/**
 * A boundary as stored, or the 422 that names what is wrong with it in the caller's language
 * (shared/geo/boundary.ts: Polygon/MultiPolygon, closed rings of ≥ 4 positions, lng/lat in range).
 */
export function validBoundary(value: unknown): BoundaryGeometry {
  const checked = checkBoundary(value);
  if (checked.ok) return checked.geometry;
  const code = `org.boundary_${checked.problem}`;
  throw new AppError(code, 422, {}, { fields: [{ path: 'boundary', code }] });
}

const NAME_PROPERTIES = ['name', 'NAME', 'Name', '名称', '网格', '网格名称', 'grid', 'GRID'];

/** Names compare without spaces (half- or full-width) and case. */
const normName = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

type Feature = { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown };

/** The features of a collection (or a lone feature); anything that is not an object counts as an empty feature. */
function featuresOf(geojson: Record<string, unknown>): Feature[] {
  const list =
    geojson.type === 'FeatureCollection' && Array.isArray(geojson.features)
      ? (geojson.features as unknown[])
      : geojson.type === 'Feature'
        ? [geojson]
        : [];
  return list.map((f) => {
    const o = f && typeof f === 'object' && !Array.isArray(f) ? (f as Feature) : {};
    const props =
      o.properties && typeof o.properties === 'object' && !Array.isArray(o.properties) ? o.properties : null;
    return { properties: props, geometry: o.geometry };
  });
}

/**
 * GeoJSON import of grid boundaries (issue 17 item 7): each feature of the collection is matched by its
 * name property to an active grid under the unit; the preview lists the matches, `apply` sets the
 * matched grids' boundaries in one transaction, one audit entry per grid. Features without a name, with
 * no grid of that name, naming a grid twice, or with an invalid polygon are listed and skipped.
 */
export async function importBoundaries(
  ctx: ActorCtx,
  unitId: string,
  input: ImportBoundariesBody,
  locale: Locale,
): Promise<BoundaryImportResult> {
  const unit = await foundInReach(orgPolicy, ctx, 'write', () =>
    findUnit(ctx.db, ctx.actor, 'write', unitId),
  );
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  const features = featuresOf(input.geojson);
  if (features.length === 0) throw new AppError('org.import_no_features', 422);

  const grids = (await activeUnitsUnder(ctx.db, 'grid', unit.path)).filter((g) => g.id !== unit.id);
  const byName = new Map<string, OrgUnitRow[]>();
  for (const g of grids) byName.set(normName(g.name), [...(byName.get(normName(g.name)) ?? []), g]);

  const nameProperty =
    input.nameProperty ??
    NAME_PROPERTIES.find((p) => features.some((f) => typeof f.properties?.[p] === 'string')) ??
    null;
  const text = (code: string) => formatMessage(code.startsWith('org.') ? code : `org.import_${code}`, locale);

  const seen = new Set<string>();
  const rows: BoundaryImportResult['rows'] = [];
  const updates: { unit: OrgUnitRow; boundary: BoundaryGeometry }[] = [];
  features.forEach((f, index) => {
    const raw = nameProperty ? f.properties?.[nameProperty] : undefined;
    const name = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : null;
    const row = (unitMatch: OrgUnitRow | null, problem: string | null): void => {
      rows.push({
        index,
        name: name || null,
        unitId: unitMatch?.id ?? null,
        unitName: unitMatch?.name ?? null,
        replaces: !!unitMatch?.boundary,
        problem,
        problemText: problem ? text(problem) : null,
      });
    };
    if (!name) {
      row(null, 'no_name');
      return;
    }
    const candidates = byName.get(normName(name)) ?? [];
    const grid = candidates.length === 1 ? candidates[0]! : null;
    if (!grid) row(null, candidates.length ? 'ambiguous' : 'no_match');
    else if (seen.has(grid.id)) row(grid, 'duplicate');
    else {
      const checked = checkBoundary(f.geometry);
      if (!checked.ok) row(grid, `org.boundary_${checked.problem}`);
      else {
        seen.add(grid.id);
        updates.push({ unit: grid, boundary: checked.geometry });
        row(grid, null);
      }
    }
  });

  let applied = 0;
  if (input.apply && updates.length) {
    await ctx.db.transaction(async (tx) => {
      for (const u of updates) {
        await updateUnitRow(tx, u.unit.id, { boundary: u.boundary, updatedAt: ctx.clock.now() });
        await writeAudit(tx, ctx, {
          action: 'org.boundary_import',
          entityType: 'org_unit',
          entityId: u.unit.id,
          orgPath: u.unit.path,
          before: { boundary: u.unit.boundary },
          after: { boundary: u.boundary, importedUnder: unit.id, feature: nameProperty },
        });
        applied++;
      }
    });
  }
  return {
    rows,
    nameProperty,
    matched: updates.length,
    applied,
    unmatchedGrids: grids.filter((g) => !seen.has(g.id)).map((g) => ({ id: g.id, name: g.name })),
  };
}
