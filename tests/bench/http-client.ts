/**
 * A minimal keep-alive HTTP/1.1 client for benchmarks: the load generator shares the machine's two
 * cores with what it measures, so it must cost as little CPU as possible, and every HTTP system
 * in a comparison is called through this same client. Like the load generators made for the job
 * (wrk, autocannon), it writes each request in one piece on a socket of its own pool and reads
 * only what a benchmark needs of the answer (status, `Content-Length`, body): `node:http`'s
 * client, with its streams, agent and header objects, took 0.43–0.51 ms of CPU per request at
 * 300 requests a second, more than the proxy's memory write and engine call together.
 */
import { connect, type Socket } from 'node:net';

export interface BenchClient {
  get(path: string): Promise<string>;
  /** The status of `GET path`, whatever it is: for timing a round trip that does no work. */
  status(path: string): Promise<number>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<string>;
  close(): void;
}

interface Response {
  status: number;
  text: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The status and body length of a response head, or an error for what this client does not read. */
function parseHead(head: string): { status: number; length: number; close: boolean } {
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (/\r\ntransfer-encoding:/i.test(head) || !length || !/^HTTP\/1\.[01] \d{3}/.test(head))
    throw new Error(`unsupported response (wants HTTP/1.1 with Content-Length): ${head}`);
  return { status, length: Number(length[1]), close: /\r\nconnection:\s*close/i.test(head) };
}

/** One keep-alive connection, one exchange at a time. */
function connection(host: string, port: number, onGone: () => void) {
  const socket: Socket = connect({ host, port, noDelay: true });
  let received: Buffer = Buffer.alloc(0);
  let head: ReturnType<typeof parseHead> | undefined;
  let headLength = 0;
  let pending:
    { resolve: (response: Response) => void; reject: (error: Error) => void } | undefined;

  const fail = (error: Error) => {
    pending?.reject(error);
    pending = undefined;
    socket.destroy();
  };
  socket.on('data', (chunk: Buffer) => {
    received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
    try {
      if (!head) {
        const end = received.indexOf(HEAD_END);
        if (end < 0) return;
        head = parseHead(received.toString('latin1', 0, end));
        headLength = end + HEAD_END.length;
      }
      if (received.length < headLength + head.length) return;
      const response = {
        status: head.status,
        text: received.toString('utf8', headLength, headLength + head.length),
      };
      if (received.length > headLength + head.length || !pending)
        throw new Error('the server sent more than the response it was asked for');
      const { resolve } = pending;
      const close = head.close;
      pending = undefined;
      head = undefined;
      received = Buffer.alloc(0);
      if (close) socket.destroy();
      resolve(response);
    } catch (error) {
      fail(error as Error);
    }
  });
  socket.on('error', (error) => fail(error));
  socket.on('close', () => {
    fail(new Error('the connection closed before the response ended'));
    onGone();
  });

  return {
    get usable() {
      return !socket.destroyed;
    },
    exchange(request: string): Promise<Response> {
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        socket.write(request, 'utf8');
      });
    },
    close: () => socket.destroy(),
  };
}

type Connection = ReturnType<typeof connection>;

export function benchClient(baseUrl: string, maxSockets = 32): BenchClient {
  const url = new URL(baseUrl);
  const port = Number(url.port || 80);
  const all = new Set<Connection>();
  const idle: Connection[] = [];
  const waiting: ((connection: Connection) => void)[] = [];

  const acquire = (): Promise<Connection> => {
    let ready = idle.pop();
    while (ready && !ready.usable) ready = idle.pop();
    if (ready) return Promise.resolve(ready);
    if (all.size < maxSockets) {
      const fresh = connection(url.hostname, port, () => all.delete(fresh));
      all.add(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (done: Connection) => {
    const next = waiting.shift();
    if (!done.usable) {
      if (next) void acquire().then(next);
      return;
    }
    if (next) next(done);
    else idle.push(done);
  };

  const exchange = async (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ): Promise<Response> => {
    let request = `${method} ${path} HTTP/1.1\r\nhost: ${url.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) request += `${name}: ${value}\r\n`;
    if (body !== undefined)
      request += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    request += `\r\n${body ?? ''}`;
    const used = await acquire();
    try {
      return await used.exchange(request);
    } finally {
      release(used);
    }
  };
  const send = async (...args: Parameters<typeof exchange>): Promise<string> => {
    const { status, text } = await exchange(...args);
    if (status >= 400) throw new Error(`HTTP ${status} ${args[1]}: ${text}`);
    return text;
  };
  return {
    get: (path) => send('GET', path),
    status: async (path) => (await exchange('GET', path)).status,
    postJson: (path, body, headers) => send('POST', path, JSON.stringify(body), headers),
    close: () => {
      for (const open of all) open.close();
    },
  };
}
