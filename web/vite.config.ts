// Builds the portal into web/dist, which the Roster server serves (src/http/portal-static.ts).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets: the server caches them for a year.
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
  },
});
