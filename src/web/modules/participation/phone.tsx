import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { participationEn, participationZh } from './i18n';

const BoardPage = lazy(() => import('./phone/BoardPage').then((m) => ({ default: m.BoardPage })));
const PostingPage = lazy(() => import('./phone/BoardPage').then((m) => ({ default: m.PostingPage })));
const TopicsPage = lazy(() => import('./phone/TopicsPage').then((m) => ({ default: m.TopicsPage })));
const ProposePage = lazy(() => import('./phone/TopicsPage').then((m) => ({ default: m.ProposePage })));
const TopicPage = lazy(() => import('./phone/TopicsPage').then((m) => ({ default: m.TopicPage })));
const ConventionsPage = lazy(() =>
  import('./phone/TopicsPage').then((m) => ({ default: m.ConventionsPage })),
);
const SignInPage = lazy(() => import('./phone/SignInPage').then((m) => ({ default: m.SignInPage })));
const ConventionPage = lazy(() => import('./phone/TopicsPage').then((m) => ({ default: m.ConventionPage })));

/** 居务公开 on the phone: residents read their community's postings and object within 5 days. */
export const participationPhoneModule = definePhoneModule({
  name: 'participation',
  i18n: { 'zh-CN': participationZh, en: participationEn },
  routes: (
    <>
      <Route path="/m/disclosures" element={<BoardPage />} />
      <Route path="/m/disclosures/:id" element={<PostingPage />} />
      <Route path="/m/topics" element={<TopicsPage />} />
      <Route path="/m/topics/new" element={<ProposePage />} />
      <Route path="/m/topics/:id" element={<TopicPage />} />
      <Route path="/m/conventions" element={<ConventionsPage />} />
      <Route path="/m/conventions/:id" element={<ConventionPage />} />
      <Route path="/m/meetings/:id/sign-in" element={<SignInPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/topics',
      label: 'participation.phone.topics',
      text: 'participation.phone.topicsText',
      glyph: '议',
      color: '#7a3e00',
      size: 'main',
      order: 5,
      permission: 'participation.board',
    },
    {
      to: '/m/conventions',
      label: 'participation.phone.conventions',
      text: 'participation.phone.conventionsText',
      glyph: '约',
      color: '#3d5a1e',
      size: 'more',
      order: 7,
      permission: 'participation.board',
    },
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
