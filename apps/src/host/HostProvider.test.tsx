// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHost } from '../testing/fakeHost.js';
import { HelpdeskHostProvider, useHost } from './HostProvider.js';

afterEach(cleanup);

function TicketId() {
  return <p>ticket {useHost().context.ticketId}</p>;
}

describe('HelpdeskHostProvider', () => {
  it('renders nothing until the host has connected, then the app with that host', async () => {
    const { host } = createFakeHost({ comments: [], proxy: () => ({}) });
    let connect!: (value: typeof host) => void;
    const connecting = new Promise<typeof host>((resolve) => (connect = resolve));
    const { container } = render(
      <HelpdeskHostProvider connect={() => connecting}>
        <TicketId />
      </HelpdeskHostProvider>,
    );
    expect(container.innerHTML).toBe('');
    connect(host);
    await screen.findByText('ticket 1001');
  });

  it('shows the fallback when the host cannot connect', async () => {
    render(
      <HelpdeskHostProvider
        connect={() => Promise.reject(new Error('Open this app from a ticket.'))}
        fallback={(error) => <p>{error.message}</p>}
      >
        <TicketId />
      </HelpdeskHostProvider>,
    );
    await screen.findByText('Open this app from a ticket.');
  });

  it('makes useHost() throw outside the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // React logs the thrown error
    expect(() => render(<TicketId />)).toThrow(
      'useHost() must be used inside <HelpdeskHostProvider>',
    );
  });
});
