import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import { type MapSettings, NO_BASE_MAP } from '../../../shared/geo/mapSettings';
import { addBaseLayers, mapOptions } from '../../app/map/baseLayers';
import { fromDisplay, geoToDisplay, toDisplay } from '../../app/map/coords';

export interface LatLng {
  lat: number;
  lng: number;
}

/** A unit drawn under the point: its boundary when it has one, else a small labelled dot. */
export interface MapShape {
  id: string;
  name: string;
  boundary?: unknown;
  lat: number | null;
  lng: number | null;
  highlight?: boolean;
  /** false: the name shows on hover only (it would cover the point on a small map). */
  label?: boolean;
}

export interface PointMapProps {
  value?: LatLng | null;
  /** Given: a tap or click sets the point. Absent: a read-only map. */
  onChange?: (p: LatLng) => void;
  shapes?: readonly MapShape[];
  /** The base map (GET /api/config); points and shapes are stored in WGS-84 and converted for it. */
  settings?: MapSettings;
  height?: number;
  /** Where to look when there is neither a point nor a shape (the demo subdistrict). */
  fallbackCenter?: LatLng;
  testId?: string;
}

const NO_SHAPES: readonly MapShape[] = [];
export const DEFAULT_CENTER: LatLng = { lat: 30.18, lng: 114.945 };
const SHAPE = { color: '#c0392b', weight: 1, fillColor: '#c0392b', fillOpacity: 0.05, dashArray: '4 3' };
const SHAPE_ON = { color: '#1d5fbf', weight: 2, fillColor: '#1d5fbf', fillOpacity: 0.14 };

/**
 * A Leaflet map with one point (the place of a work order). Works with no tile server: the units
 * around (grids, communities) are drawn on a blank background so a click still lands somewhere known.
 */
export default function PointMap({
  value,
  onChange,
  shapes = NO_SHAPES,
  settings = NO_BASE_MAP,
  height = 260,
  fallbackCenter = DEFAULT_CENTER,
  testId = 'point-map',
}: PointMapProps) {
  const el = useRef<HTMLDivElement>(null);
  const mapRef = useRef<L.Map | null>(null);
  const markerRef = useRef<L.CircleMarker | null>(null);
  const shapesRef = useRef<L.LayerGroup | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const editable = !!onChange;
  const firstFit = useRef(true);

  // The map itself: created once per tile setting.
  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, mapOptions(settings));
    addBaseLayers(map, settings);
    L.control.scale({ imperial: false }).addTo(map);
    const center = toDisplay({ lat: fallbackCenter.lat, lng: fallbackCenter.lng }, settings.crs);
    map.setView([center.lat, center.lng], 13);
    shapesRef.current = L.layerGroup().addTo(map);
    map.on('click', (e: L.LeafletMouseEvent) => {
      // Picked on the base map (GCJ-02 on AMap), stored in WGS-84.
      onChangeRef.current?.(fromDisplay({ lat: e.latlng.lat, lng: e.latlng.lng }, settings.crs));
    });
    mapRef.current = map;
    firstFit.current = true;
    const resize = setTimeout(() => map.invalidateSize(), 60);
    return () => {
      clearTimeout(resize);
      map.remove();
      mapRef.current = null;
      markerRef.current = null;
      shapesRef.current = null;
    };
  }, [settings, fallbackCenter.lat, fallbackCenter.lng]);

  // The point.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    if (!value) {
      markerRef.current?.remove();
      markerRef.current = null;
      return;
    }
    const shown = toDisplay(value, settings.crs);
    const ll = L.latLng(shown.lat, shown.lng);
    if (markerRef.current) markerRef.current.setLatLng(ll);
    else {
      markerRef.current = L.circleMarker(ll, {
        radius: 9,
        color: '#fff',
        weight: 3,
        fillColor: '#c0392b',
        fillOpacity: 1,
        interactive: false,
      }).addTo(map);
    }
    // Close enough to see the grid lines around the point; a click on an overview zooms in.
    if (firstFit.current || map.getZoom() < 15 || !map.getBounds().pad(-0.1).contains(ll)) {
      firstFit.current = false;
      map.setView(ll, Math.max(map.getZoom(), 16));
    }
  }, [value, settings]);

  // The units around (after the point, so a read-only map ends fitted to both).
  useEffect(() => {
    const map = mapRef.current;
    const group = shapesRef.current;
    if (!map || !group) return;
    group.clearLayers();
    const bounds = L.latLngBounds([]);
    for (const s of shapes) {
      if (s.boundary) {
        const layer = L.geoJSON(geoToDisplay(s.boundary as GeoJSON.GeoJsonObject, settings.crs), {
          style: () => (s.highlight ? SHAPE_ON : SHAPE),
          interactive: s.label === false,
        });
        layer.bindTooltip(s.name, {
          permanent: s.label !== false,
          sticky: s.label === false,
          direction: 'center',
          className: 'linli-map-label',
        });
        bounds.extend(layer.getBounds());
        group.addLayer(layer);
      } else if (s.lat !== null && s.lng !== null) {
        const p = toDisplay({ lat: s.lat, lng: s.lng }, settings.crs);
        const dot = L.circleMarker([p.lat, p.lng], {
          radius: 4,
          color: SHAPE.color,
          weight: 1,
          fillOpacity: 0.6,
          interactive: false,
        });
        dot.bindTooltip(s.name, { permanent: true, direction: 'right', className: 'linli-map-label' });
        bounds.extend([p.lat, p.lng]);
        group.addLayer(dot);
      }
    }
    if (!bounds.isValid()) return;
    if (!value && firstFit.current) {
      firstFit.current = false;
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    } else if (value && !editable) {
      // A read-only map shows the whole grid around the point.
      const v = toDisplay(value, settings.crs);
      map.fitBounds(bounds.extend([v.lat, v.lng]), { padding: [16, 16], maxZoom: 17 });
    }
  }, [shapes, value, editable, settings]);

  return (
    <div
      ref={el}
      className="linli-map"
      style={{ height, cursor: editable ? 'crosshair' : undefined }}
      data-testid={testId}
    />
  );
}

type Ring = number[][];

function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a GeoJSON Polygon / MultiPolygon (or a Feature of one) contains the point. */
export function containsPoint(boundary: unknown, p: LatLng): boolean {
  const geo = boundary as { type?: string; geometry?: unknown; coordinates?: unknown } | null;
  if (!geo) return false;
  if (geo.type === 'Feature') return containsPoint(geo.geometry, p);
  const polygons: Ring[][] =
    geo.type === 'Polygon'
      ? [geo.coordinates as Ring[]]
      : geo.type === 'MultiPolygon'
        ? (geo.coordinates as Ring[][])
        : [];
  const pt: [number, number] = [p.lng, p.lat];
  return polygons.some(
    ([outer, ...holes]) => !!outer && inRing(pt, outer) && !holes.some((h) => inRing(pt, h)),
  );
}

export function distance2(a: LatLng, b: LatLng): number {
  const dx = (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180);
  const dy = a.lat - b.lat;
  return dx * dx + dy * dy;
}
