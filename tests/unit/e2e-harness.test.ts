import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../e2e/harness/server';

describe('fixture server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({
      headers: { '/basic.html': { 'Content-Security-Policy': "default-src 'none'" } },
    });
  });
  afterAll(() => server.close());

  it('binds to 127.0.0.1 on an ephemeral port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url('/basic.html')).toBe(`${server.origin}/basic.html`);
    expect(server.url('basic.html')).toBe(`${server.origin}/basic.html`);
  });

  it('serves fixture pages with a content type and per-path headers', async () => {
    const res = await fetch(server.url('basic.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(await res.text()).toContain('<title>');
  });

  it('answers 404 for unknown paths and for paths outside the root', async () => {
    expect((await fetch(server.url('no-such-page.html'))).status).toBe(404);
    expect((await fetch(`${server.origin}/..%2f..%2f..%2fpackage.json`)).status).toBe(404);
  });

  it('records every request it receives', async () => {
    const before = server.requests.length;
    await fetch(server.url('basic.html?x=1'));
    expect(server.requests.slice(before)).toEqual([{ url: '/basic.html?x=1', method: 'GET' }]);
  });
});
