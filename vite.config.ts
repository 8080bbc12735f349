import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Two entries: the staff console (index.html) and the residents' light phone app (phone.html: /report,
// /track, /m/**; no antd, echarts or leaflet). `npm start` builds both into dist/web (scripts/ensure-web.mjs)
// and the API server serves them; `npm run size` checks each entry's first-load JavaScript.
/** `npm run dev:web`: the phone pages get phone.html, as the server does (src/server/app.ts isPhonePath). */
const phonePages = {
  name: 'linli-phone-pages',
  configureServer(server: {
    middlewares: { use(fn: (req: { url?: string }, res: unknown, next: () => void) => void): void };
  }) {
    server.middlewares.use((req, _res, next) => {
      if (
        req.url &&
        /^\/(report|track|m)(\/|$|\?)/.test(req.url) &&
        !/\.\w+(\?|$)/.test(req.url.split('?')[0] ?? '')
      )
        req.url = '/phone.html';
      next();
    });
  },
};

export default defineConfig({
  root: '.',
  plugins: [react(), phonePages],
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { index: 'index.html', phone: 'phone.html' },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            { name: 'leaflet', test: /node_modules[\\/]leaflet[\\/]/, priority: 20 },
            // dayjs apart: the phone entry uses it too. antd has no group of its own: each lazy console page
            // takes the antd components it uses, so the console's first load stays under 500 KB gzip.
            { name: 'dayjs', test: /node_modules[\\/]dayjs[\\/]/, priority: 15 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3200', changeOrigin: false } },
  },
});
