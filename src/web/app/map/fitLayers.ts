import type L from 'leaflet';

/**
 * Shows `layers` on `map` fitted to `bounds`: the view is set first and the layers added after (permanent
 * labels need a positioned map); one point is shown at `pointZoom`, no shape at all at the default
 * view. The view is fitted again once the panel has laid out (it may still be when the map is created).
 * Returns the effect's cleanup, which removes the map.
 */
export function showFitted(
  map: L.Map,
  bounds: L.LatLngBounds,
  layers: L.Layer[],
  fit: { pointZoom: number; padding: number; maxZoom: number },
) {
  const fitView = () => {
    if (!bounds.isValid()) map.setView([30.2, 114.95], 12);
    else if (bounds.getNorthEast().equals(bounds.getSouthWest()))
      map.setView(bounds.getNorthEast(), fit.pointZoom);
    else map.fitBounds(bounds, { padding: [fit.padding, fit.padding], maxZoom: fit.maxZoom });
  };
  fitView();
  for (const layer of layers) layer.addTo(map);
  const resize = setTimeout(() => {
    map.invalidateSize();
    fitView();
  }, 60);
  return () => {
    clearTimeout(resize);
    map.remove();
  };
}
