import { z } from '../lib/zod';
import { apiErrorSchema } from './schemas';
import { REQUEST_TIMEOUT_MS } from './timeouts';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid-response';

/** An API failure the UI can explain and offer to retry. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }

  /** Worth retrying automatically: the network, timeouts and server errors, not bad requests or contract breaks. */
  get transient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}

export { REQUEST_TIMEOUT_MS };

/** The API root: `VITE_API_BASE_URL` when set, else this page's origin (served by the mock). */
export function apiUrl(path: string, params?: Record<string, string | number | undefined>): URL {
  const configured = import.meta.env.VITE_API_BASE_URL;
  const url = configured
    ? new URL(path.replace(/^\//, ''), configured.endsWith('/') ? configured : `${configured}/`)
    : new URL(path, globalThis.location.origin);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url;
}

/** `AbortSignal.timeout`, with a fallback for browsers that predate it (Safari < 16). */
function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), ms);
  return controller.signal;
}

/** `AbortSignal.any`, with a fallback for browsers that predate it (Safari < 17.4, Chrome < 116). */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** GETs JSON and parses it with `schema` (any zod 4 schema, mini or classic); every failure becomes an `ApiError`. */
export async function getJson<S extends z.core.$ZodType>(
  url: URL,
  schema: S,
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const timeout = timeoutSignal(REQUEST_TIMEOUT_MS);
  const combined = signal ? anySignal([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { accept: 'application/json' } });
  } catch (error) {
    if (timeout.aborted) throw new ApiError('timeout', 'The server took too long to answer.');
    if (signal?.aborted) throw error;
    throw new ApiError('network', 'Can’t reach the server. Check your connection.');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    // A body that stops half-way is a dropped connection; one that is complete but not JSON is malformed.
    if (!(error instanceof SyntaxError)) {
      if (timeout.aborted) throw new ApiError('timeout', 'The server took too long to answer.');
      if (signal?.aborted) throw error;
      throw new ApiError('network', 'Can’t reach the server. Check your connection.');
    }
    throw new ApiError(
      response.ok ? 'invalid-response' : 'http',
      response.ok ? 'The server sent a response Reachplan can’t read.' : `The server answered ${response.status}.`,
      response.status,
    );
  }
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    throw new ApiError('http', parsed.success ? parsed.data.message : `The server answered ${response.status}.`, response.status);
  }
  const parsed = z.safeParse(schema, body);
  if (!parsed.success) {
    throw new ApiError('invalid-response', 'The server sent data in an unexpected shape.', response.status);
  }
  return parsed.data;
}
