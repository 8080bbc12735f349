import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { OrgUnitDto } from '../../../shared/contracts/org';

export interface UnitMapProps {
  unit: Pick<OrgUnitDto, 'id' | 'name' | 'boundary' | 'lat' | 'lng'>;
  /** Drawn lighter around the unit, labelled with their names (a community's grids). */
  around?: Pick<OrgUnitDto, 'id' | 'name' | 'boundary' | 'lat' | 'lng'>[];
  /** Tile URL template; empty = no base map, the shapes are drawn on a blank background. */
  tilesUrl?: string;
  height?: number;
}

const NONE: UnitMapProps['around'] & object = [];
const MAIN = { color: '#1d5fbf', weight: 2, fillColor: '#1d5fbf', fillOpacity: 0.18 };
const CHILD = { color: '#c0392b', weight: 1, fillColor: '#c0392b', fillOpacity: 0.06, dashArray: '4 3' };

/** A Leaflet map of one unit: its GeoJSON boundary (fitted) or its point. Works with no tile server. */
export default function UnitMap({ unit, around = NONE, tilesUrl, height = 280 }: UnitMapProps) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, {
      attributionControl: !!tilesUrl,
      zoomControl: true,
      scrollWheelZoom: false,
      // Without tiles there is no reason to keep whole zoom levels: fit shapes snugly.
      zoomSnap: tilesUrl ? 1 : 0.25,
      zoomDelta: 0.5,
    });
    if (tilesUrl) L.tileLayer(tilesUrl, { maxZoom: 19 }).addTo(map);
    const bounds = L.latLngBounds([]);
    // Layers are built first and added once the view is set: permanent labels need a positioned map.
    const layers: L.Layer[] = [];
    for (const c of around) {
      if (c.boundary) {
        const layer = L.geoJSON(c.boundary, { style: () => CHILD });
        layer.bindTooltip(c.name, { permanent: true, direction: 'center', className: 'linli-map-label' });
        bounds.extend(layer.getBounds());
        layers.push(layer);
      } else if (c.lat !== null && c.lng !== null) {
        const marker = L.circleMarker([c.lat, c.lng], {
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
        bounds.extend([c.lat, c.lng]);
        layers.push(marker);
      }
    }
    if (unit.boundary) {
      const layer = L.geoJSON(unit.boundary, { style: () => MAIN });
      layer.bindTooltip(unit.name, { sticky: true });
      bounds.extend(layer.getBounds());
      layers.push(layer);
    } else if (unit.lat !== null && unit.lng !== null) {
      const marker = L.circleMarker([unit.lat, unit.lng], {
        radius: 8,
        color: MAIN.color,
        weight: 2,
        fillOpacity: 0.5,
      });
      marker.bindTooltip(unit.name, { permanent: around.length === 0, direction: 'top', offset: [0, -8] });
      bounds.extend([unit.lat, unit.lng]);
      layers.push(marker);
    }

    const fitView = () => {
      if (bounds.isValid()) {
        const ne = bounds.getNorthEast();
        if (ne.equals(bounds.getSouthWest())) map.setView(ne, 17);
        else map.fitBounds(bounds, { padding: [28, 28], maxZoom: 18 });
      } else {
        map.setView([30.2, 114.95], 12);
      }
    };
    fitView();
    for (const layer of layers) layer.addTo(map);
    // The panel may still be laying out when the map is created.
    const resize = setTimeout(() => {
      map.invalidateSize();
      fitView();
    }, 60);
    return () => {
      clearTimeout(resize);
      map.remove();
    };
  }, [unit, around, tilesUrl]);

  return <div ref={el} className="linli-map" style={{ height }} data-testid="unit-map" />;
}
