import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { participationEn, participationZh } from './i18n';

const BoardPage = lazy(() => import('./phone/BoardPage').then((m) => ({ default: m.BoardPage })));
const PostingPage = lazy(() => import('./phone/BoardPage').then((m) => ({ default: m.PostingPage })));

/** 居务公开 on the phone: residents read their community's postings and object within 5 days. */
export const participationPhoneModule = definePhoneModule({
  name: 'participation',
  i18n: { 'zh-CN': participationZh, en: participationEn },
  routes: (
    <>
      <Route path="/m/disclosures" element={<BoardPage />} />
      <Route path="/m/disclosures/:id" element={<PostingPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/disclosures',
      label: 'participation.phone.board',
      text: 'participation.phone.boardText',
      glyph: '公',
      color: '#8a1c1c',
      size: 'more',
      order: 6,
      permission: 'participation.board',
    },
  ],
});
