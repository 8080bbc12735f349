import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Children, isValidElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { PHONE_MODULES, phoneModules } from './modules';

const MODULES_DIR = join(import.meta.dirname, '../modules');

/** The absolute paths of a module's phone <Route>s (through fragments). */
function paths(node: ReactNode): string[] {
  return Children.toArray(node).flatMap((child) => {
    if (!isValidElement<{ path?: string; children?: ReactNode }>(child)) return [];
    return [...(child.props.path ? [child.props.path] : []), ...paths(child.props.children)];
  });
}

describe('phone modules (one list: src/web/phone/modules.ts)', () => {
  it('every module folder with a phone.tsx is in the list, named after its folder', () => {
    const folders = readdirSync(MODULES_DIR).filter((d) => existsSync(join(MODULES_DIR, d, 'phone.tsx')));
    expect(PHONE_MODULES.map((m) => m.name).sort()).toEqual(folders.sort());
  });

  it('the phone app routes every resident page, each once, and every tile is one of them', () => {
    const routed = phoneModules.flatMap((m) => paths(m.routes));
    expect(new Set(routed).size).toBe(routed.length);
    expect(routed.sort()).toEqual(
      [
        '/report',
        '/track',
        '/track/:number',
        '/m/services',
        '/m/orders',
        '/m/orders/:id',
        '/m/tasks',
        '/m/points',
        '/m/timebank',
        '/m/redeem',
        '/m/activities',
        '/m/hours',
        '/m/certificate',
        '/m/messages',
        '/m/disclosures',
        '/m/disclosures/:id',
        '/m/care',
        '/m/care/:id',
        '/m/surveys',
        '/m/surveys/:id',
        '/m/property',
        '/m/community-fund',
        ...[
          '/m/topics',
          '/m/topics/new',
          '/m/topics/:id',
          '/m/conventions',
          '/m/conventions/:id',
          '/m/meetings/:id/sign-in',
        ],
        '/m/requests',
        ...['/m/key-tasks', '/m/key-tasks/:id'],
        ...['/m/reports', '/m/reports/:id'],
        '/m/certificates',
        '/m/duty',
        '/m/projects',
      ].sort(),
    );
    for (const tile of phoneModules.flatMap((m) => m.tiles ?? [])) expect(routed).toContain(tile.to);
  });

  it('tile colours carry white text at 4.5:1 or more (WCAG 2.1 AA)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const tile of phoneModules.flatMap((m) => m.tiles ?? []))
      expect({ tile: tile.to, ratio: 1.05 / (lum(tile.color) + 0.05) >= 4.5 }).toEqual({
        tile: tile.to,
        ratio: true,
      });
  });
});
