/// <reference types="vitest/config" />
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The servers answer /api/* with the MSW handlers, in Node, unless a real API is configured:
 * always in `npm run preview` (the production bundle carries no MSW); in `npm start` only what
 * the browser's mock service worker doesn't answer, as where the browser refuses service workers.
 */
function mockApiInServers(): Plugin {
  const middleware = async () => {
    // Loaded when a server starts, through Vite's module runner, so the config itself stays free of mock code.
    const { module } = await runnerImport<typeof import('./mocks/preview-middleware')>('./mocks/preview-middleware.ts');
    return module.mockApiMiddleware();
  };
  return {
    name: 'reachplan:mock-api-in-servers',
    async configurePreviewServer(server) {
      if (!process.env.VITE_API_BASE_URL) server.middlewares.use(await middleware());
    },
    async configureServer(server) {
      if (!process.env.VITE_API_BASE_URL) server.middlewares.use(await middleware());
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
  plugins: [react(), mockApiInServers(), prerenderShell()],
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    globals: true,
    restoreMocks: true,
    projects: [
      // Pure code (the domain, lib, parsing): Node, no DOM, no mock API, no store.
      { extends: true, test: { name: 'unit', environment: 'node', setupFiles: ['./test/setup-console.ts'], include: ['test/unit/**/*.test.ts'] } },
      // The store, storage, the HTTP layer and the fuzz suite: jsdom and the mock API, no rendering of features.
      // Features as users drive them: jsdom, the mock API, Testing Library.
      ...(['integration', 'component'] as const).map((name) => ({
        extends: true as const,
        test: {
          name,
          environment: 'jsdom',
          setupFiles: ['./test/setup-console.ts', './test/setup.ts'],
          include: [`test/${name}/**/*.test.{ts,tsx}`],
        },
      })),
    ],
  },
});
