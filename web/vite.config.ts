/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The host serves the built pane at its root and, in development, proxies to this dev server;
// the dev server in turn sends /api back to the host so the pane always talks to one origin.
const apiTarget = process.env.VITE_API_TARGET ?? 'https://localhost:7190';

export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    sourcemap: true,
    // The budget script measures gzip size itself; this only keeps Vite from warning about the lazy chunks.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { main: 'index.html', 'auth-dialog': 'auth-dialog.html', 'auth-redirect': 'auth-redirect.html', help: 'help.html' },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true, secure: false },
      '/health': { target: apiTarget, changeOrigin: true, secure: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
  },
});
