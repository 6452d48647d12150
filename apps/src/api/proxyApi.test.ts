/** The sidebar's proxy calls carry the ticket's known personal values, so the proxy masks them. */
import { describe, expect, it } from 'vitest';
import type { ProxyRequest } from '../host/helpdeskHost.js';
import { createProxyApi } from './proxyApi.js';

function recordingHost(personalData?: { kind: 'name' | 'email' | 'phone'; value: string }[]) {
  const sent: ProxyRequest[] = [];
  return {
    sent,
    host: {
      context: personalData ? { personalData } : {},
      async request<T>(request: ProxyRequest): Promise<T> {
        sent.push(request);
        return {} as T;
      },
    },
  };
}

const ROSA = [
  { kind: 'name' as const, value: 'Rosa Verde' },
  { kind: 'email' as const, value: 'rosa.verde@correo.example' },
];

describe('createProxyApi', () => {
  it('adds the ticket’s known values as hints.pii to detect, translate and replies, beside other hints', async () => {
    const { host, sent } = recordingHost(ROSA);
    const api = createProxyApi(host);
    await api.detect({ text: 'Hola, soy Rosa Verde', hints: { locale: 'es' } });
    await api.translate({ text: 'Hola, soy Rosa Verde', target: 'en' });
    await api.createReply(
      {
        helpdesk: 'zendesk',
        ticketId: '1001',
        draft: 'Hi Rosa Verde',
        format: 'text',
        target: 'es',
        mode: 'review',
      },
      'key-1',
    );
    expect(sent.map((request) => (request.body as { hints?: unknown }).hints)).toEqual([
      { locale: 'es', pii: ROSA },
      { pii: ROSA },
      { pii: ROSA },
    ]);
  });

  it('sends no hints.pii when the ticket shows no personal values', async () => {
    const { host, sent } = recordingHost();
    await createProxyApi(host).translate({ text: 'Hello', target: 'es' });
    expect(sent[0]?.body).toEqual({ text: 'Hello', target: 'es' });
  });
});
