// The benchmarks' HTTP client reads what real servers answer, over few connections, and fails
// loudly on what it does not read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { benchClient, type BenchClient } from './http-client.js';

let server: Server | undefined;
let client: BenchClient | undefined;

async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  server = createServer(handle);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  client?.close();
  client = undefined;
  await new Promise((resolve) => server?.close(resolve));
  server?.closeAllConnections();
  server = undefined;
});

describe('benchClient', () => {
  it('posts JSON with its headers and returns the body, UTF-8 split across packets', async () => {
    const answer = JSON.stringify({ translation: '¿Dónde está mi pedido? 注文' });
    const bytes = Buffer.from(answer);
    let received: { body: string; type?: string; authorization?: string } | undefined;
    const url = await serve((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received = {
          body,
          type: request.headers['content-type'],
          authorization: request.headers.authorization,
        };
        response.writeHead(200, { 'content-length': bytes.length });
        // Cut inside "ó": the client must join bytes, not strings.
        const cut = bytes.indexOf(Buffer.from('ó')) + 1;
        response.write(bytes.subarray(0, cut));
        setTimeout(() => response.end(bytes.subarray(cut)), 20);
      });
    });
    client = benchClient(url);

    const text = await client.postJson(
      '/v1/translate',
      { text: 'Où est ma commande ?', target: 'es' },
      { authorization: 'Bearer pk_test' },
    );

    expect(text).toBe(answer);
    expect(received).toEqual({
      body: JSON.stringify({ text: 'Où est ma commande ?', target: 'es' }),
      type: 'application/json',
      authorization: 'Bearer pk_test',
    });
  });

  it('keeps its connections open and uses no more than it is allowed', async () => {
    const sockets = new Set<unknown>();
    const url = await serve((request, response) => {
      sockets.add(request.socket);
      setTimeout(() => response.end(request.url), 5);
    });
    client = benchClient(url, 2);

    const texts = await Promise.all(
      Array.from({ length: 20 }, (_, index) => client!.get(`/${index}`)),
    );

    expect(texts).toEqual(Array.from({ length: 20 }, (_, index) => `/${index}`));
    expect(sockets.size).toBe(2);
  });

  it('gives the status of an error response, and a request that expects success rejects', async () => {
    const url = await serve((_, response) => {
      const body = '{"error":"not_found"}';
      response.writeHead(404, {
        'content-type': 'application/json',
        'content-length': body.length,
      });
      response.end(body);
    });
    client = benchClient(url);

    expect(await client.status('/bench-round-trip')).toBe(404);
    await expect(client.get('/missing')).rejects.toThrow(
      'HTTP 404 /missing: {"error":"not_found"}',
    );
  });

  it('rejects a response without a length instead of guessing where it ends', async () => {
    const url = await serve((_, response) => {
      response.write('part');
      response.end(' two');
    });
    client = benchClient(url);

    await expect(client.get('/chunked')).rejects.toThrow(/unsupported response.*chunked/is);
  });

  it('rejects when the server closes the connection before the body ends', async () => {
    const url = await serve((request, response) => {
      response.writeHead(200, { 'content-length': 100 });
      response.write('only part of it');
      setTimeout(() => request.socket.destroy(), 10);
    });
    client = benchClient(url);

    await expect(client.get('/cut')).rejects.toThrow(
      'the connection closed before the response ended',
    );
  });
});
