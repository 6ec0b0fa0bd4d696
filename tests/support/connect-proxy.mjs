// @ts-check
/**
 * A loopback HTTP proxy that only tunnels HTTPS to SmartRecruiters host names (and ServiceNow's), and tunnels it to the
 * local fake server. Firefox has no --host-resolver-rules; pointed at this proxy, it sends
 * `CONNECT www.smartrecruiters.com:443` here and the fake answers under the real host name, the
 * TLS and Host header untouched. Everything else is refused, so a browser under test can never
 * reach the outside world through it, and each refusal is recorded for diagnosis.
 */
import http from 'node:http';
import net from 'node:net';

/**
 * @typedef {object} ConnectProxy
 * @property {number} port
 * @property {string[]} refused Every refused request target (`host:port` or URL), oldest first.
 * @property {() => Promise<void>} close Stops listening and cuts every open tunnel.
 */

const TUNNELLED_PORT = 443;

/** @param {string} hostname */
const isSmartRecruitersHost = (hostname) => {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  // ServiceNow instances too: the ServiceNow helper's replica is served by the same fake.
  return name === 'smartrecruiters.com' || name.endsWith('.smartrecruiters.com') || name.endsWith('.service-now.com');
};

/**
 * `host:port` of a CONNECT target, undefined when it is not one (an IPv6 literal never names our hosts).
 * @param {string} target
 */
function parseTarget(target) {
  const match = /^([^:[\]]+):(\d+)$/.exec(target);
  return match ? { hostname: match[1] ?? '', port: Number(match[2]) } : undefined;
}

/**
 * @param {{ targetPort: number }} options port of the fake SmartRecruiters server on 127.0.0.1
 * @returns {Promise<ConnectProxy>}
 */
export async function startConnectProxy({ targetPort }) {
  /** @type {string[]} */
  const refused = [];
  /** @type {Set<import('node:stream').Duplex>} */
  const tunnels = new Set();
  /** @param {import('node:stream').Duplex} socket */
  const track = (socket) => {
    tunnels.add(socket);
    socket.on('close', () => tunnels.delete(socket));
  };

  // Plain HTTP through the proxy is never needed: refuse it.
  const server = http.createServer((req, res) => {
    refused.push(req.url ?? '');
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Refused by the test proxy');
  });

  server.on('connect', (req, client, head) => {
    const target = parseTarget(req.url ?? '');
    if (!target || target.port !== TUNNELLED_PORT || !isSmartRecruitersHost(target.hostname)) {
      refused.push(req.url ?? '');
      client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(client);
    track(upstream);
    // Either side failing ends the tunnel; the browser sees a reset, as it would from a real host.
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Test proxy has no TCP address');

  return {
    port: address.port,
    refused,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
