import { request } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';

export interface Balancer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A small TCP load balancer, as an operator would put in front of several instances: it polls each
 * backend's `/readyz` and sends new connections round-robin to the ready ones (to any when none is
 * ready), trying the next backend when one refuses the connection. It knows nothing of Parley.
 */
export async function startBalancer(port: number, backends: number[], pollMs = 100): Promise<Balancer> {
  const ready = new Set<number>();
  let next = 0;
  const poll = setInterval(() => {
    for (const backend of backends) {
      const req = request({ host: '127.0.0.1', port: backend, path: '/readyz', agent: false, timeout: pollMs * 5 }, (res) => {
        res.resume();
        if (res.statusCode === 200) ready.add(backend);
        else ready.delete(backend);
      });
      req.on('error', () => ready.delete(backend));
      req.on('timeout', () => req.destroy());
      req.end();
    }
  }, pollMs);

  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    const live = backends.filter((b) => ready.has(b));
    const order = rotate(live.length ? live : backends, next++);
    const attempt = (i: number) => {
      if (i >= order.length || client.destroyed) return client.destroy();
      const upstream = connect(order[i]!, '127.0.0.1');
      let connected = false;
      upstream.once('error', () => {
        if (!connected) attempt(i + 1);
      });
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => (open.delete(upstream), client.destroy()));
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
      });
    };
    attempt(0);
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', () => ok()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((ok) => {
      clearInterval(poll);
      for (const s of open) s.destroy();
      server.close(() => ok());
    }),
  };
}

function rotate<T>(list: T[], by: number): T[] {
  const k = list.length ? by % list.length : 0;
  return [...list.slice(k), ...list.slice(0, k)];
}
