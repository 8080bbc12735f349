import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { certEn, certZh } from './i18n';

const CataloguePage = lazy(() =>
  import('./phone/CataloguePhone').then((m) => ({ default: m.CataloguePhonePage })),
);

/** 证明事项 on the phone: residents see what their community may certify and on which clause (R-AC-2). */
export const certificatesPhoneModule = definePhoneModule({
  name: 'certificates',
  i18n: { 'zh-CN': certZh, en: certEn },
  routes: <Route path="/m/certificates" element={<CataloguePage />} />,
  tiles: [
    {
      to: '/m/certificates',
      label: 'cert.phone.tile',
      text: 'cert.phone.tileText',
      glyph: '证',
      color: '#6b4e16',
      size: 'more',
      order: 22,
      permission: 'participation.board',
    },
  ],
});
