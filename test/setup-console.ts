import { beforeEach, vi } from 'vitest';

// Every project: a console.error is a failure (React warnings, act() leaks and uncaught errors show up there).
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});
