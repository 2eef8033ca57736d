/// <reference types="vitest/config" />
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** `npm run preview` answers /api/* with the MSW handlers, in Node, unless a real API is configured. */
function mockApiOnPreview(): Plugin {
  return {
    name: 'reachplan:mock-api-on-preview',
    async configurePreviewServer(server) {
      if (process.env.VITE_API_BASE_URL) return;
      // Loaded at preview time through Vite's module runner, so the config itself stays free of mock code.
      const { module } = await runnerImport<typeof import('./mocks/preview-middleware')>('./mocks/preview-middleware.ts');
      server.middlewares.use(module.mockApiMiddleware());
    },
  };
}

/** Writes the app's plan-independent first frame into index.html, so it paints before any JavaScript runs. */
function prerenderShell(): Plugin {
  return {
    name: 'reachplan:prerender-shell',
    apply: 'build',
    async transformIndexHtml(html) {
      const { module } = await runnerImport<{ renderShell: () => string }>('./src/app/prerender.tsx');
      const shell = module.renderShell();
      if (!html.includes('<div id="root"></div>')) throw new Error('index.html has no empty #root to pre-render into');
      return html.replace('<div id="root"></div>', `<div id="root">${shell}</div>`);
    },
  };
}

export default defineConfig({
  plugins: [react(), mockApiOnPreview(), prerenderShell()],
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./test/setup.ts'],
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/component/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
