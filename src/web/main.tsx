import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { Root } from './app/App';
import './app/global.css';

// The server's Content-Security-Policy has no 'unsafe-eval': zod must not compile parsers with new Function.
z.config({ jitless: true });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
