import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The minimal page: built to artifacts/perf/baseline-dist (git-ignored) and served by `vite preview`. */
export default defineConfig({
  root: here,
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../artifacts/perf/baseline-dist', import.meta.url)), emptyOutDir: true },
  preview: { port: 4174 },
});
