/**
 * A LibreTranslate-shaped engine on 127.0.0.1 that records every text it is sent, for tests that
 * prove what leaves the proxy. It "translates" en↔es by upper-casing text outside markup and
 * marking it `[es]`, so that any value that reached it would come back visibly changed; told to,
 * it drops the placeholders it is given, as engines sometimes do.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingEngine {
  url: string;
  /** Every text of every `/translate` call, in order. */
  received: string[];
  dropPlaceholders: boolean;
  stop(): Promise<void>;
}

const MARKUP_OR_TEXT = /(<[^<>]{0,200}>|&[#a-zA-Z0-9]{1,10};)|([^<&]+|[<&])/g;
const PLACEHOLDER = /<x id="\d+"\/>/g;

const translate = (text: string, target: string): string =>
  `[${target}] ${text.replace(MARKUP_OR_TEXT, (_all, markup: string | undefined, plain: string) => markup ?? plain.toUpperCase())}`;

async function bodyOf(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startRecordingEngine(): Promise<RecordingEngine> {
  const engine = { received: [] as string[], dropPlaceholders: false };
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'GET' && request.url === '/languages')
      return reply(200, [
        { code: 'en', name: 'English', targets: ['es'] },
        { code: 'es', name: 'Spanish', targets: ['en'] },
      ]);
    if (request.method === 'POST' && request.url === '/translate') {
      void bodyOf(request).then((body) => {
        const { q, target } = body as { q: string[]; target: string };
        engine.received.push(...q);
        const texts = engine.dropPlaceholders ? q.map((text) => text.replace(PLACEHOLDER, '')) : q;
        reply(200, { translatedText: texts.map((text) => translate(text, target)) });
      });
      return;
    }
    reply(404, { error: 'Not Found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(engine, {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
