/**
 * A sink-hole HTTP proxy on 127.0.0.1 that records every request a browser sends through it and
 * answers none of them. Browsers are pointed at it for all traffic except loopback, so any request
 * to anywhere but the 127.0.0.1 fixture server (from a page, the extension's background, an
 * extension page or the browser itself) is recorded here, whichever driver events do or do not see it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running recording proxy. */
export interface RecordingProxy {
  port: number;
  /** "GET http://host/path" or "CONNECT host:443", in order. */
  seen: string[];
  /** Chromium arguments that send all non-loopback traffic through this proxy. */
  chromiumArgs: string[];
  /** Firefox preferences that send all non-loopback traffic (HTTP, TLS, WebSocket) through this proxy. */
  firefoxPrefs: Record<string, unknown>;
  close(): Promise<void>;
}

/** Starts the proxy on an ephemeral port. */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('blocked by the test proxy');
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    seen,
    chromiumArgs: [`--proxy-server=http://127.0.0.1:${port}`],
    firefoxPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': false,
      'network.proxy.socks_remote_dns': false,
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
