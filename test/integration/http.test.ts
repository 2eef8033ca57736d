import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { server } from '../../mocks/node';
import { ApiError, apiUrl, getJson, type ApiErrorKind } from '../../src/api/http';
import { adFormatsResponseSchema } from '../../src/api/schemas';

const PATH = '/api/http-test';
const url = () => new URL(PATH, location.origin);
const schema = z.object({ items: z.array(z.string()) });

function answer(resolver: () => Response | Promise<Response>) {
  server.use(http.get(`*${PATH}`, resolver));
}

/** Runs getJson and returns the ApiError it throws. */
async function failure(): Promise<ApiError> {
  const error: unknown = await getJson(url(), schema).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('getJson: success', () => {
  it('returns the body parsed with the schema, asking for JSON', async () => {
    let accept: string | null = null;
    server.use(
      http.get(`*${PATH}`, ({ request }) => {
        accept = request.headers.get('accept');
        return HttpResponse.json({ items: ['a', 'b'], extra: true });
      }),
    );
    await expect(getJson(url(), schema)).resolves.toEqual({ items: ['a', 'b'] });
    expect(accept).toBe('application/json');
  });
});

describe('getJson: failures become ApiError', () => {
  it.each([
    [500, { message: 'Database unavailable' }, 'Database unavailable', true],
    [503, { message: 'Try again soon' }, 'Try again soon', true],
    [500, { error: 'no message field' }, 'The server answered 500.', true],
    [400, { message: 'page must be a whole number from 1.' }, 'page must be a whole number from 1.', false],
    [404, { message: 'Not found' }, 'Not found', false],
    [422, [], 'The server answered 422.', false],
  ])('%d with %j: kind http, message "%s", transient %s', async (status, body, message, transient) => {
    answer(() => HttpResponse.json(body, { status }));
    const error = await failure();
    expect(error).toMatchObject({ name: 'ApiError', kind: 'http', status, message });
    expect(error.transient).toBe(transient);
  });

  it('500 with a non-JSON body is an http error, transient', async () => {
    answer(() => new HttpResponse('<html>Internal Server Error</html>', { status: 500, headers: { 'content-type': 'text/html' } }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'http', status: 500, message: 'The server answered 500.' });
    expect(error.transient).toBe(true);
  });

  it('200 with malformed JSON is an invalid response, not retried', async () => {
    answer(() => new HttpResponse('{"items": [', { status: 200, headers: { 'content-type': 'application/json' } }));
    const error = await failure();
    expect(error).toMatchObject({
      kind: 'invalid-response',
      status: 200,
      message: 'The server sent a response Reachplan can’t read.',
    });
    expect(error.transient).toBe(false);
  });

  it.each([[{ items: 'nope' }], [{}], [{ items: [1, 2] }], [null], [['a']]])(
    '200 with %j breaks the schema: invalid response',
    async (body) => {
      answer(() => HttpResponse.json(body));
      const error = await failure();
      expect(error).toMatchObject({
        kind: 'invalid-response',
        status: 200,
        message: 'The server sent data in an unexpected shape.',
      });
      expect(error.transient).toBe(false);
    },
  );

  it('a network error is kind network, without a status, and transient', async () => {
    answer(() => HttpResponse.error());
    const error = await failure();
    expect(error).toMatchObject({ kind: 'network', status: null, message: 'Can’t reach the server. Check your connection.' });
    expect(error.transient).toBe(true);
  });

  it('a request past the time limit is kind timeout', async () => {
    vi.spyOn(AbortSignal, 'timeout').mockReturnValue(AbortSignal.abort(new DOMException('Timed out', 'TimeoutError')));
    answer(() => HttpResponse.json({ items: [] }));
    const error = await failure();
    expect(error).toMatchObject({ kind: 'timeout', status: null, message: 'The server took too long to answer.' });
    expect(error.transient).toBe(true);
  });

  it('passes the caller’s own abort through untouched', async () => {
    answer(() => HttpResponse.json({ items: [] }));
    const controller = new AbortController();
    controller.abort();
    const error: unknown = await getJson(url(), schema, controller.signal).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('ApiError.transient', () => {
  it.each([
    ['network', null, true],
    ['timeout', null, true],
    ['http', 500, true],
    ['http', 599, true],
    ['http', 499, false],
    ['http', 400, false],
    ['http', null, false],
    ['invalid-response', 200, false],
  ] as const satisfies readonly (readonly [ApiErrorKind, number | null, boolean])[])(
    '%s with status %s: %s',
    (kind, status, transient) => {
      expect(new ApiError(kind, 'x', status).transient).toBe(transient);
    },
  );
});

describe('apiUrl', () => {
  it('resolves against this page’s origin and drops empty parameters', () => {
    const result = apiUrl('/api/creators', { q: 'dance', page: 2, tier: undefined, niche: '' });
    expect(result.origin).toBe(location.origin);
    expect(result.pathname).toBe('/api/creators');
    expect([...result.searchParams]).toEqual([
      ['q', 'dance'],
      ['page', '2'],
    ]);
  });

  it.each([['https://api.example.com/v1'], ['https://api.example.com/v1/']])(
    'keeps the path of VITE_API_BASE_URL=%s',
    (base) => {
      vi.stubEnv('VITE_API_BASE_URL', base);
      expect(apiUrl('/api/creators', { page: 1 }).href).toBe('https://api.example.com/v1/api/creators?page=1');
    },
  );
});

describe('getJson in browsers without AbortSignal.any or AbortSignal.timeout', () => {
  it('still answers, and still fails as an ApiError', async () => {
    const any = AbortSignal.any;
    const timeout = AbortSignal.timeout;
    // Simulate an older browser.
    Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
    Object.defineProperty(AbortSignal, 'timeout', { value: undefined, configurable: true });
    try {
      const body = await getJson(apiUrl('/api/ad-formats'), adFormatsResponseSchema, new AbortController().signal);
      expect(body.items).toHaveLength(5);
      await expect(getJson(apiUrl('/api/creators', { page: 0 }), adFormatsResponseSchema)).rejects.toBeInstanceOf(ApiError);
    } finally {
      Object.defineProperty(AbortSignal, 'any', { value: any, configurable: true });
      Object.defineProperty(AbortSignal, 'timeout', { value: timeout, configurable: true });
    }
  });
});
