import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mockApiMiddleware, requestUrl } from '../../mocks/preview-middleware';

/** Sends `head` as it is on a raw socket (so nothing on the way fixes it) and returns the status line. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
      if (answer.includes('\r\n')) {
        socket.destroy();
        resolve(answer.slice(0, answer.indexOf('\r\n')));
      }
    });
    socket.on('error', reject);
    socket.on('end', () => resolve(answer.slice(0, answer.indexOf('\r\n'))));
  });
}

describe('the preview server’s mocked API', () => {
  let server: Server;
  let port = 0;

  beforeAll(async () => {
    const middleware = mockApiMiddleware();
    server = createServer((req, res) => {
      void middleware(req, res, () => {
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each([
    ['an invalid Host header', 'GET /api/ad-formats HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n'],
    ['a Host header with a path', 'GET / HTTP/1.1\r\nHost: a b/c\r\nConnection: close\r\n\r\n'],
    ['an absolute-form target', 'GET http://[bad/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
  ])('answers %s with 400 and keeps serving', async (_what, head) => {
    expect(await rawRequest(port, head)).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawRequest(port, 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).toBe('HTTP/1.1 204 No Content');
  });

  test('routes on the path alone, and only with a well-formed Host', () => {
    const at = (url: string, host = 'localhost:4173') => requestUrl({ url, headers: { host } });
    expect(at('/api/creators?q=a')?.pathname).toBe('/api/creators');
    expect(at('/api/creators', '[::1]:4173')?.pathname).toBe('/api/creators');
    expect(at('/api/creators', 'Example.com')?.pathname).toBe('/api/creators');
    expect(at('//evil.example/api')).toBeNull();
    expect(at('http://[')).toBeNull();
    expect(at('/', 'a/b')).toBeNull();
  });
});
