/**
 * A minimal keep-alive HTTP client for benchmarks: the load generator shares the machine's two
 * cores with what it measures, so it must cost as little CPU as possible, and every HTTP system
 * in a comparison is called through this same client.
 */
import { Agent, request } from 'node:http';

export interface BenchClient {
  get(path: string): Promise<string>;
  postJson(path: string, body: unknown, headers?: Record<string, string>): Promise<string>;
  close(): void;
}

export function benchClient(baseUrl: string, maxSockets = 32): BenchClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  const send = (
    method: string,
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) =>
    new Promise<string>((resolve, reject) => {
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
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 500) >= 400)
              reject(new Error(`HTTP ${res.statusCode} ${path}: ${text}`));
            else resolve(text);
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return {
    get: (path) => send('GET', path),
    postJson: (path, body, headers) => send('POST', path, JSON.stringify(body), headers),
    close: () => agent.destroy(),
  };
}
