/**
 * A minimal keep-alive HTTP client for benchmarks: the load generator shares the machine's two
 * cores with what it measures, so it must cost as little CPU as possible, and every HTTP system
 * in a comparison is called through this same client.
 */
import { Agent, request } from 'node:http';

export interface BenchClient {
  get(path: string): Promise<string>;
  /** The status of `GET path`, whatever it is: for timing a round trip that does no work. */
  status(path: string): Promise<number>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<string>;
  close(): void;
}

export function benchClient(baseUrl: string, maxSockets = 32): BenchClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const exchange = (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers:
            body === undefined
              ? headers
              : {
                  ...headers,
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 500,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const send = async (...args: Parameters<typeof exchange>): Promise<string> => {
    const { status, text } = await exchange(...args);
    if (status >= 400) throw new Error(`HTTP ${status} ${args[1]}: ${text}`);
    return text;
  };
  return {
    get: (path) => send('GET', path),
    status: async (path) => (await exchange('GET', path)).status,
    postJson: (path, body, headers) => send('POST', path, JSON.stringify(body), headers),
    close: () => agent.destroy(),
  };
}
