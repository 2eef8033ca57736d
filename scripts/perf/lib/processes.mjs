/** Builds and preview servers for the perf run: started here, always stopped here. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

const running = new Set();
/** Other processes started for the run (Lighthouse's Chromium): killed if the run is cut short. */
const extraPids = new Set();

export function trackPid(pid) {
  if (pid) extraPids.add(pid);
}

export function untrackPid(pid) {
  extraPids.delete(pid);
}

function killExtras() {
  for (const pid of extraPids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  extraPids.clear();
}

/** Runs a command to completion, streaming its output with a prefix; rejects on a non-zero exit. */
export function run(command, args, { label = command, env = {}, quiet = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (!quiet) process.stdout.write(text.replace(/^(?=.)/gm, `  [${label}] `));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolvePromise({ ms: Date.now() - started });
      else reject(new Error(`${label} exited with ${code}:\n${tail}`));
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * Starts `vite preview` in its own process group and waits until it answers.
 * Returns { url, stop }; every started server is also stopped by stopAll().
 */
export async function startPreview({ label, args, timeoutMs = 30_000 }) {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE_BIN, 'preview', ...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const onData = (chunk) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const server = {
    label,
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      running.delete(server);
      if (exited) return;
      const gone = new Promise((r) => child.once('exit', r));
      killGroup(child.pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
      await gone;
      clearTimeout(timer);
    },
  };
  running.add(server);

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${label} preview server exited (${exited.code ?? exited.signal}):\n${log}`);
    try {
      const res = await fetch(`${server.url}/`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`${label} preview server did not answer within ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every server this run started. */
export async function stopAll() {
  killExtras();
  await Promise.all([...running].map((s) => s.stop()));
}

/** Last resort on exit: synchronous kill of whatever is still running. */
export function killAllSync() {
  killExtras();
  for (const s of running) killGroup(s.child.pid, 'SIGKILL');
  running.clear();
}

/**
 * Runs a script's `main`, stopping every server and browser it started when it ends, fails
 * or is interrupted (Ctrl-C, SIGTERM); a failure prints its stack under `name` and exits 1.
 */
export function runScript(name, main) {
  let cleaning = false;
  const cleanUpAndExit = async (code) => {
    if (cleaning) return;
    cleaning = true;
    await stopAll().catch(() => killAllSync());
    process.exit(code);
  };
  process.on('SIGINT', () => void cleanUpAndExit(130));
  process.on('SIGTERM', () => void cleanUpAndExit(143));
  process.on('exit', killAllSync);
  main().catch(async (error) => {
    console.error(`${name}: ${error instanceof Error ? error.stack : error}`);
    await stopAll().catch(() => killAllSync());
    process.exitCode = 1;
  });
}
