/**
 * What the Zendesk and Freshdesk stand-ins share: requests answered by a `(Request) => Response`
 * function, so the same behaviour serves msw in-process and a real HTTP server on 127.0.0.1 (a
 * child-process proxy cannot be reached by msw), plus one-shot faults queued by tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A network failure: the connection is dropped without an answer. */
export type Outcome = Response | 'network_error';

/**
 * A one-shot fault. `commit` runs the helpdesk's normal behaviour (the comment is stored), so a
 * fault can also answer badly AFTER the helpdesk did the work: the case that must not post twice.
 */
export type Fault = (
  request: Request,
  commit: () => Promise<Response>,
) => Outcome | Promise<Outcome>;

export interface RecordedRequest {
  at: number;
  method: string;
  path: string;
  /** The query string, `?…` or empty. */
  query: string;
  authorization: string | null;
  body: unknown;
}

export function faultQueue() {
  const queue: { match: (request: Request) => boolean; fault: Fault }[] = [];
  return {
    /** The next `times` requests matching `match` get `fault` instead of the normal answer. */
    add(fault: Fault, times = 1, match: (request: Request) => boolean = () => true) {
      for (let i = 0; i < times; i++) queue.push({ match, fault });
    },
    take(request: Request): Fault | undefined {
      const index = queue.findIndex((entry) => entry.match(request));
      if (index < 0) return undefined;
      const [entry] = queue.splice(index, 1);
      return entry?.fault;
    },
    clear: () => void (queue.length = 0),
  };
}

/**
 * Serves `handle` on 127.0.0.1:`port`; a `network_error` fault destroys the socket. `handle` is
 * also told the client's port, by which a test can tell which of its processes sent a request.
 */
export async function serveOnLocalhost(
  handle: (request: Request, clientPort: number) => Promise<Outcome>,
  port: number,
): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const request = new Request(`http://127.0.0.1:${port}${incoming.url ?? '/'}`, {
        method: incoming.method ?? 'GET',
        headers: Object.entries(incoming.headers).flatMap(([name, value]) =>
          value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]],
        ) as [string, string][],
        ...(body.length > 0 ? { body } : {}),
      });
      void handle(request, incoming.socket.remotePort ?? 0).then(
        async (response) => {
          if (response === 'network_error') {
            incoming.socket.destroy();
            return;
          }
          outgoing.writeHead(response.status, Object.fromEntries(response.headers));
          outgoing.end(Buffer.from(await response.arrayBuffer()));
        },
        () => incoming.socket.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
