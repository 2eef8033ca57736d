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

export default defineConfig({
  plugins: [react(), mockApiOnPreview()],
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
