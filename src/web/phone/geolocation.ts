/** The phone's position from the browser: once as a promise, or behind a "use my location" button. */
import { useState } from 'react';
import { useToast } from './ui';

export type LatLng = { lat: number; lng: number };

/** The browser's position, or a rejection (no geolocation, denied, timed out) the caller words itself. */
export function currentPosition(options: PositionOptions): Promise<LatLng> {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      (e) => reject(e),
      options,
    );
  });
}

/**
 * A "use my location" button's state: `locate()` asks the browser once, `locating` while it asks, `point` the
 * answer (null until then); a failure shows `failedText` as a toast.
 */
export function useLocate(failedText: string, options: PositionOptions) {
  const toast = useToast();
  const [point, setPoint] = useState<LatLng | null>(null);
  const [locating, setLocating] = useState(false);
  const failed = () => toast.error(new Error(failedText));
  const locate = () => {
    if (!navigator.geolocation) return failed();
    setLocating(true);
    currentPosition(options).then(
      (p) => {
        setLocating(false);
        setPoint(p);
      },
      () => {
        setLocating(false);
        failed();
      },
    );
  };
  return { point, locating, locate };
}
