// The browser-like projects (integration, component): jsdom, the mock API (MSW) and the plan store, reset after each test.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../mocks/node';
import { resetPlanStoreInMemory } from '../src/store/plan-store';

// jsdom has no layout: give recharts' responsive charts a size observer that never fires.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetPlanStoreInMemory();
  localStorage.clear();
  // The creator search lives in the address: each test starts from a bare one.
  if (typeof history !== 'undefined') history.replaceState(null, '', '/');
});

afterAll(() => server.close());
