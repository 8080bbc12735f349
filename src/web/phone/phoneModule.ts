import type { ReactNode } from 'react';
import type { Permission } from '../../shared/permissions';
import type { WebModuleI18n } from '../app/webModule';

/**
 * What a web module contributes to the residents' phone app (phone.html: /report, /track, /m/**), declared in
 * its `src/web/modules/<m>/phone.tsx` as `definePhoneModule({ ... })` and listed in `src/web/phone/modules.ts`.
 * The phone app is a separate, light entry: a phone.tsx and what it loads never import antd, echarts,
 * leaflet, zod or the module's console `module.tsx` (scripts/check-boundaries.ts, rule 6).
 */
export interface PhoneTile<K extends string = string> {
  to: string;
  label: K;
  /** A second line under the label; only big tiles show it. */
  text?: K;
  /** One character shown in the tile's coloured square (decorative; the label names the tile). */
  glyph: string;
  /** The square's colour: white text on it must reach 4.5:1. */
  color: string;
  /** 'main': a big card at the top; 'more': a square in the grid below. */
  size: 'main' | 'more';
  order: number;
  /** Shown only with this permission. */
  permission?: Permission;
  /**
   * A React hook, called on the phone home: whether this user can use the tile (e.g. has a volunteer
   * profile). `undefined` while it is loading (the tile waits); `false` hides it.
   */
  useAvailable?: () => boolean | undefined;
}

export interface PhoneModule<K extends string = string> {
  /** The module's folder name under src/web/modules. */
  name: string;
  /** Phone pages: <Route>s with absolute paths (/report, /m/…); lazy-load each page. */
  routes?: ReactNode;
  tiles?: PhoneTile<K>[];
  /** The module's UI strings (the same dictionaries as its console module may be reused). */
  i18n: WebModuleI18n<K>;
}

export function definePhoneModule<K extends string>(
  module: { i18n: WebModuleI18n<K> } & Omit<PhoneModule<NoInfer<K>>, 'i18n'>,
): PhoneModule<K> {
  return module;
}
