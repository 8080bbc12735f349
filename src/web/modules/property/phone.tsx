import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { propertyEn, propertyZh } from './i18n';

const MyCompoundPage = lazy(() =>
  import('./phone/MyCompoundPage').then((m) => ({ default: m.MyCompoundPage })),
);

/** 我的小区 on the phone: residents see who serves their compound and its notices (三方联动 公示通报). */
export const propertyPhoneModule = definePhoneModule({
  name: 'property',
  i18n: { 'zh-CN': propertyZh, en: propertyEn },
  routes: <Route path="/m/property" element={<MyCompoundPage />} />,
  tiles: [
    {
      to: '/m/property',
      label: 'pm.phone.title',
      text: 'pm.phone.tileText',
      glyph: '物',
      color: '#1d5e3a',
      size: 'more',
      order: 7,
      permission: 'property.board',
    },
  ],
});
