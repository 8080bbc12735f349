import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'react';
import type { HeatmapDto } from '../../../shared/contracts/workOrderStats';
import type { Wire } from '../../../shared/contracts/wire';
import { showFitted } from '../../app/map/fitLayers';

/** Yellow → red by the share of the busiest cell. */
function heatColor(f: number): string {
  const hue = Math.round(50 - 50 * Math.min(1, Math.max(0, f)));
  return `hsl(${hue}, 90%, 48%)`;
}

/** Heat-map cells as circles (size and colour by count) on a blank Leaflet map, fitted to the data. */
export default function StatsHeatMap({
  data,
  label,
  height = 360,
}: {
  data: Wire<HeatmapDto>;
  label: (count: number) => string;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, {
      attributionControl: false,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
    });
    const max = Math.max(1, ...data.cells.map((c) => c.count));
    // Cells are drawn in metres so that neighbours never overlap, whatever the zoom.
    const halfCellM = (data.cellDeg * 111_320) / 2;
    const bounds = L.latLngBounds([]);
    const layers: L.Layer[] = [];
    // Quietest first so the busiest cells are drawn on top.
    for (const c of [...data.cells].reverse()) {
      const f = c.count / max;
      const marker = L.circle([c.lat, c.lng], {
        radius: halfCellM * (0.3 + 0.65 * Math.sqrt(f)),
        color: heatColor(f),
        weight: 1,
        fillColor: heatColor(f),
        fillOpacity: 0.35 + 0.5 * f,
      });
      marker.bindTooltip(label(c.count), { direction: 'top' });
      bounds.extend([c.lat, c.lng]);
      layers.push(marker);
    }
    return showFitted(map, bounds, layers, { pointZoom: 16, padding: 24, maxZoom: 17 });
  }, [data, label]);

  return <div ref={el} className="linli-map" style={{ height }} data-testid="wo-stats-heatmap" />;
}
