import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';
import { type MapSettings, NO_BASE_MAP } from '../../../shared/geo/mapSettings';
import { addBaseLayers, mapOptions } from '../../app/map/baseLayers';
import { geoToDisplay, toDisplay } from '../../app/map/coords';
import { showFitted } from '../../app/map/fitLayers';

export interface UnitMapProps {
  unit: Pick<OrgUnitDto, 'id' | 'name' | 'boundary' | 'lat' | 'lng'>;
  /** Drawn lighter around the unit, labelled with their names (a community's grids). */
  around?: Pick<OrgUnitDto, 'id' | 'name' | 'boundary' | 'lat' | 'lng'>[];
  /** The base map (GET /api/config); none: the shapes are drawn on a blank background. */
  settings?: MapSettings;
  height?: number;
}

const NONE: UnitMapProps['around'] & object = [];
const MAIN = { color: '#1d5fbf', weight: 2, fillColor: '#1d5fbf', fillOpacity: 0.18 };
const CHILD = { color: '#c0392b', weight: 1, fillColor: '#c0392b', fillOpacity: 0.06, dashArray: '4 3' };

/**
 * A Leaflet map of one unit: its GeoJSON boundary (fitted) or its point, with the units around it (a
 * community's grids) outlined and named. Works with no tile server. Stored WGS-84 shapes are converted to
 * the base map's coordinate system (GCJ-02 on AMap).
 */
export default function UnitMap({ unit, around = NONE, settings = NO_BASE_MAP, height = 280 }: UnitMapProps) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, mapOptions(settings));
    addBaseLayers(map, settings);
    const crs = settings.crs;
    const pt = (u: { lat: number | null; lng: number | null }): [number, number] => {
      const p = toDisplay({ lat: u.lat!, lng: u.lng! }, crs);
      return [p.lat, p.lng];
    };
    const bounds = L.latLngBounds([]);
    // Layers are built first and added once the view is set: permanent labels need a positioned map.
    const layers: L.Layer[] = [];
    for (const c of around) {
      if (c.boundary) {
        const layer = L.geoJSON(geoToDisplay(c.boundary, crs), { style: () => CHILD });
        layer.bindTooltip(c.name, { permanent: true, direction: 'center', className: 'linli-map-label' });
        bounds.extend(layer.getBounds());
        layers.push(layer);
      } else if (c.lat !== null && c.lng !== null) {
        const marker = L.circleMarker(pt(c), {
          radius: 4,
          color: CHILD.color,
          weight: 1,
          fillOpacity: 0.6,
        });
        marker.bindTooltip(c.name, {
          permanent: around.length <= 30,
          direction: 'right',
          className: 'linli-map-label',
        });
        bounds.extend(pt(c));
        layers.push(marker);
      }
    }
    if (unit.boundary) {
      const layer = L.geoJSON(geoToDisplay(unit.boundary, crs), { style: () => MAIN });
      layer.bindTooltip(unit.name, { sticky: true });
      bounds.extend(layer.getBounds());
      layers.push(layer);
    } else if (unit.lat !== null && unit.lng !== null) {
      const marker = L.circleMarker(pt(unit), {
        radius: 8,
        color: MAIN.color,
        weight: 2,
        fillOpacity: 0.5,
      });
      marker.bindTooltip(unit.name, { permanent: around.length === 0, direction: 'top', offset: [0, -8] });
      bounds.extend(pt(unit));
      layers.push(marker);
    }

    return showFitted(map, bounds, layers, { pointZoom: 17, padding: 28, maxZoom: 18 });
  }, [unit, around, settings]);

  return <div ref={el} className="linli-map" style={{ height }} data-testid="unit-map" />;
}
