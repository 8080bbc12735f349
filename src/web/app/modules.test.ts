import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from './i18n/zh-CN';
import { WEB_MODULES, webModules } from './modules';
import { NAV, SETTINGS_PAGES } from './nav';

const MODULES_DIR = join(import.meta.dirname, '../modules');

describe('web modules (one list: src/web/app/modules.ts)', () => {
  it('every folder under src/web/modules is one module.tsx in the list, named after its folder', () => {
    const folders = readdirSync(MODULES_DIR).filter((d) => existsSync(join(MODULES_DIR, d, 'module.tsx')));
    expect(folders.sort()).toEqual(readdirSync(MODULES_DIR).sort());
    expect(WEB_MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it('no message key is defined twice (app-wide strings and each module keep their own keys)', () => {
    const owner = new Map<string, string>(Object.keys(zhCN).map((k) => [k, 'app']));
    for (const m of webModules)
      for (const k of Object.keys(m.i18n['zh-CN'])) {
        expect(owner.get(k), `${k} in ${m.name}`).toBeUndefined();
        owner.set(k, m.name);
      }
  });

  it('the side menu keeps its order: module entries by order, settings pages inside 系统设置', () => {
    expect(NAV.map((n) => n.path)).toEqual([
      '/',
      '/org',
      '/work-orders',
      '/work-orders/new',
      '/work-orders/stats',
      '/disputes-menu',
      '/participation-menu',
      '/care',
      '/residents',
      '/residents/import',
      '/people',
      '/services',
      '/projects',
      '/assessments',
      '/key-tasks-menu',
      '/surveys',
      '/scheduled-reports-menu',
      '/work-item-access',
      '/certificates',
      '/volunteering',
      '/ledger',
      '/merchants',
      '/users',
      '/audit',
      '/facilities',
      '/property',
      '/self-governance',
      '/social-orgs',
      '/reports',
      '/settings',
    ]);
    expect(SETTINGS_PAGES.map((p) => p.path)).toEqual([
      '/settings/open311',
      '/settings/categories',
      '/settings/calendar',
      '/settings/work-orders',
      '/settings/robots',
      '/settings/notification-log',
    ]);
  });
});
