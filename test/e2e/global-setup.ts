import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { CHROME_PATH } from '../../scripts/chrome.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4179);

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the preview server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server did not answer at ${url} within ${timeoutMs} ms`);
}

/** Builds the app, serves it with `vite preview` (mock API in the server) and hands tests its URL. */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(
      `No Chromium at ${CHROME_PATH}. Install it with \`apt-get install -y chromium\` (Debian) or set CHROME_PATH.`,
    );
  }
  if (!process.env.E2E_SKIP_BUILD) {
    // The production bundle alone: type checking is `npm run typecheck`'s job (and `npm run build`'s),
    // and takes longer than the bundle. Vitest sets NODE_ENV=test, which would make Vite build
    // React's development bundle (and the mock worker).
    const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
    detached: true,
  });
  const baseURL = `http://localhost:${PORT}/`;
  try {
    await waitForServer(baseURL, server, 30_000);
  } catch (error) {
    if (server.pid) process.kill(-server.pid);
    throw error;
  }
  project.provide('baseURL', baseURL);
  return () => {
    if (server.pid) process.kill(-server.pid);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}
