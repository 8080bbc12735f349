import { App, Button, Flex, Space, Typography } from 'antd';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import { checkBoundary } from '../../../shared/geo/boundary';
import { type MapSettings, NO_BASE_MAP } from '../../../shared/geo/mapSettings';
import { api } from '../../app/api';
import { useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { addBaseLayers, mapOptions } from '../../app/map/baseLayers';
import { fromDisplay, geoToDisplay, toDisplay } from '../../app/map/coords';

type Unit = Pick<OrgUnitDto, 'id' | 'name' | 'boundary' | 'lat' | 'lng'>;
/** A vertex in the base map's coordinate system ([lat, lng], as Leaflet takes it). */
type Vertex = [number, number];

export interface BoundaryEditorProps {
  unit: Unit;
  /** Drawn dashed for reference, with their names (the neighbouring grids). */
  context?: Unit[];
  /** The parent's outline, drawn dashed without a label (it would sit on the grids' names). */
  parent?: Unit | null;
  settings?: MapSettings;
  height?: number;
  onSaved: (saved: OrgUnitDto) => void;
  onCancel: () => void;
}

const NONE: Unit[] = [];
const CONTEXT = { color: '#8a8f98', weight: 1, fillOpacity: 0.03, dashArray: '4 3' };
const EDIT = { color: '#1d5fbf', weight: 2, fillColor: '#1d5fbf', fillOpacity: 0.15 };
const VERTEX = L.divIcon({ className: 'linli-vertex', iconSize: [14, 14] });
const FIRST_VERTEX = L.divIcon({ className: 'linli-vertex linli-vertex-first', iconSize: [16, 16] });

/** The outer ring of a stored Polygon (or the first part of a MultiPolygon), without its closing position. */
function initialRing(boundary: unknown, crs: MapSettings['crs']): Vertex[] {
  const checked = checkBoundary(boundary);
  if (!checked.ok) return [];
  const g = geoToDisplay(checked.geometry, crs);
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
  return (ring ?? []).slice(0, -1).map(([lng, lat]) => [lat, lng]);
}

/**
 * A small hand-written drawing tool on Leaflet (no plugin): click the map to add vertices, drag a vertex to
 * move it, undo, close the polygon, save. The ring is drawn in the base map's coordinate system and saved
 * in WGS-84 (converted back from GCJ-02 on AMap) through PATCH /api/org/units/:id, which checks it again.
 */
export default function BoundaryEditor({
  unit,
  context = NONE,
  parent = null,
  settings = NO_BASE_MAP,
  height = 380,
  onSaved,
  onCancel,
}: BoundaryEditorProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const drawRef = useRef<L.LayerGroup | null>(null);
  const initial = useRef(initialRing(unit.boundary, settings.crs));
  const wasMulti =
    checkBoundary(unit.boundary).ok && (unit.boundary as { type: string }).type === 'MultiPolygon';
  const [vertices, setVertices] = useState<Vertex[]>(initial.current);
  const [closed, setClosed] = useState(initial.current.length >= 3);
  const [history, setHistory] = useState<{ vertices: Vertex[]; closed: boolean }[]>([]);
  const [saving, runSave] = useFormSaving();
  const state = useRef({ vertices, closed });
  state.current = { vertices, closed };

  const change = (next: Vertex[], nextClosed = state.current.closed) => {
    setHistory((h) => [...h.slice(-49), state.current]);
    setVertices(next);
    setClosed(nextClosed);
  };
  const changeRef = useRef(change);
  changeRef.current = change;

  // The map: base layers, the reference shapes, clicks that add a vertex while the ring is open.
  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { ...mapOptions(settings), doubleClickZoom: false });
    addBaseLayers(map, settings);
    L.control.scale({ imperial: false }).addTo(map);
    const bounds = L.latLngBounds([]);
    for (const c of parent ? [parent, ...context] : context) {
      if (!c.boundary) continue;
      const layer = L.geoJSON(geoToDisplay(c.boundary as GeoJSON.GeoJsonObject, settings.crs), {
        style: () => CONTEXT,
        interactive: false,
      });
      if (c !== parent)
        layer.bindTooltip(c.name, { permanent: true, direction: 'center', className: 'linli-map-label' });
      bounds.extend(layer.getBounds());
      layer.addTo(map);
    }
    for (const v of initial.current) bounds.extend(v);
    if (!initial.current.length && unit.lat !== null && unit.lng !== null) {
      const p = toDisplay({ lat: unit.lat, lng: unit.lng }, settings.crs);
      bounds.extend([p.lat, p.lng]);
    }
    if (bounds.isValid()) {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) map.setView(bounds.getCenter(), 17);
      else map.fitBounds(bounds, { padding: [24, 24], maxZoom: 18 });
    } else map.setView([30.18, 114.945], 14);
    drawRef.current = L.layerGroup().addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      if (state.current.closed) return;
      changeRef.current([...state.current.vertices, [e.latlng.lat, e.latlng.lng]]);
    });
    mapRef.current = map;
    const resize = setTimeout(() => map.invalidateSize(), 60);
    return () => {
      clearTimeout(resize);
      map.remove();
      mapRef.current = null;
      drawRef.current = null;
    };
  }, [settings, context, parent, unit.lat, unit.lng]);

  // The ring being drawn and its draggable vertices.
  useEffect(() => {
    const group = drawRef.current;
    if (!group) return;
    group.clearLayers();
    if (vertices.length >= 2) {
      group.addLayer(
        closed && vertices.length >= 3
          ? L.polygon(vertices, { ...EDIT, interactive: false })
          : L.polyline(vertices, { ...EDIT, dashArray: '6 4', interactive: false }),
      );
    }
    vertices.forEach((v, i) => {
      const marker = L.marker(v, {
        draggable: true,
        icon: i === 0 ? FIRST_VERTEX : VERTEX,
        keyboard: false,
        title: t('org.draw.vertex', { n: i + 1 }),
      });
      marker.on('dragend', () => {
        const p = marker.getLatLng();
        const next = state.current.vertices.slice();
        next[i] = [p.lat, p.lng];
        changeRef.current(next);
      });
      // A click on the first vertex closes the ring.
      marker.on('click', () => {
        if (i === 0 && !state.current.closed && state.current.vertices.length >= 3)
          changeRef.current(state.current.vertices, true);
      });
      group.addLayer(marker);
    });
  }, [vertices, closed, t]);

  const undo = () => {
    const last = history.at(-1);
    if (!last) return;
    setHistory((h) => h.slice(0, -1));
    setVertices(last.vertices);
    setClosed(last.closed);
  };

  /** Stores the unit's new boundary (null removes it), then says `done` and hands the unit back. */
  const patchBoundary = (boundary: object | null, done: string) =>
    runSave(async () => {
      const saved = await api.patch<OrgUnitDto>(`/api/org/units/${unit.id}`, { boundary });
      message.success(done);
      onSaved(saved);
    });

  const save = async () => {
    const ring = vertices.map(([lat, lng]) => {
      const p = fromDisplay({ lat, lng }, settings.crs);
      return [p.lng, p.lat] as [number, number];
    });
    await patchBoundary({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, t('org.draw.saved'));
  };

  const clearAll = () => patchBoundary(null, t('org.draw.cleared'));

  return (
    <div data-testid="boundary-editor">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {closed ? t('org.draw.hintClosed') : t('org.draw.hint')}
        {wasMulti ? ` ${t('org.draw.multiNote')}` : ''}
      </Typography.Paragraph>
      <div
        ref={el}
        className="linli-map"
        style={{ height, cursor: closed ? undefined : 'crosshair' }}
        data-testid="boundary-editor-map"
      />
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
        <Space wrap>
          <Typography.Text data-testid="boundary-editor-count">
            {t('org.draw.count', { n: vertices.length })}
          </Typography.Text>
          <Button size="small" onClick={undo} disabled={!history.length} data-testid="boundary-undo">
            {t('org.draw.undo')}
          </Button>
          <Button
            size="small"
            onClick={() => change(vertices, true)}
            disabled={closed || vertices.length < 3}
            data-testid="boundary-close"
          >
            {t('org.draw.close')}
          </Button>
          <Button size="small" onClick={() => change([], false)} disabled={!vertices.length}>
            {t('org.draw.restart')}
          </Button>
        </Space>
        <Space wrap>
          {unit.boundary ? (
            <Button size="small" danger onClick={clearAll} disabled={saving}>
              {t('org.draw.remove')}
            </Button>
          ) : null}
          <Button size="small" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button
            size="small"
            type="primary"
            onClick={save}
            loading={saving}
            disabled={!closed || vertices.length < 3}
            data-testid="boundary-save"
          >
            {t('org.draw.save')}
          </Button>
        </Space>
      </Flex>
    </div>
  );
}
