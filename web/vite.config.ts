import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The Rapport server serves web/dist itself (src/platform/http/web.ts); `npm run dev:web` proxies
// the API to a server started with `npm start`.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The first page's budget is 150 KB gzip of JS and CSS; bench/web.ts measures it.
    chunkSizeWarningLimit: 400,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4545' } },
});
