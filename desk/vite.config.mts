import { defineConfig } from 'vite';

/**
 * The desk page, built into dist/desk and served by the service at /desk. Run from the repository
 * root as `vite build desk`; `npm run desk:dev` serves it with live reload against an API on :3000.
 */
export default defineConfig({
  base: '/desk/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/desk',
    emptyOutDir: true,
    target: 'es2022',
    // Every asset stays a hashed file under /desk/assets/, so the page's CSP needs no data: URLs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/v1': 'http://127.0.0.1:3000' },
  },
});
