import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
// `npm run web:dev` proxies the API of a server started with `npm start` (port 3000 by default)
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  build: {
    // the API serves this folder at / (libs/platform/src/web/serve-web.ts)
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
  server: { proxy: { '/api': api, '/health': api } },
});
