import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneRoot } from './App';
import { applySavedElderlyMode } from './elderly';
import './phone.css';

// The residents' phone app (phone.html): /report, /track, /m/**. No antd, echarts, leaflet or zod here:
// `npm run size` holds its first load to 200 KB of gzip JavaScript.
applySavedElderlyMode();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PhoneRoot />
  </StrictMode>,
);
