import L from 'leaflet';
import type { MapSettings } from '../../../shared/geo/mapSettings';

/**
 * Adds the configured base map under a Leaflet map (Tianditu: vector + annotation; AMap; any XYZ) and
 * returns whether there is one. Shapes on top must be in `settings.crs` (coords.ts converts them).
 */
export function addBaseLayers(map: L.Map, settings: MapSettings): boolean {
  for (const layer of settings.layers) {
    L.tileLayer(layer.url, {
      maxZoom: layer.maxZoom ?? 19,
      ...(layer.subdomains && { subdomains: layer.subdomains }),
      ...(layer.attribution && { attribution: layer.attribution }),
    }).addTo(map);
  }
  return settings.layers.length > 0;
}

/** Leaflet options that depend on whether a base map is drawn. */
export function mapOptions(settings: MapSettings): L.MapOptions {
  const tiles = settings.layers.length > 0;
  return {
    attributionControl: tiles,
    zoomControl: true,
    scrollWheelZoom: false,
    // Without tiles there is no reason to keep whole zoom levels: fit shapes snugly.
    zoomSnap: tiles ? 1 : 0.25,
    zoomDelta: 0.5,
  };
}
