// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { TicketComment } from '../host/helpdeskHost.js';
import { reviewContext } from './ticketContext.js';

const comment = (authorRole: TicketComment['authorRole'], html: string): TicketComment => ({
  id: html.length.toString(),
  authorRole,
  authorName: authorRole === 'customer' ? 'Lucía Fernández' : 'Sam',
  html,
});

describe('reviewContext', () => {
  it('takes the subject and the customer’s last message as plain text, not the agent’s', () => {
    expect(
      reviewContext('Pedido retrasado', [
        comment('customer', '<p>Hola, ¿dónde está mi pedido?</p>'),
        comment('customer', '<p>Sigo esperando.<br>Gracias, Lucía</p>'),
        comment('agent', '<p>We are looking into it.</p>'),
      ]),
    ).toEqual({ subject: 'Pedido retrasado', lastMessage: 'Sigo esperando.\nGracias, Lucía' });
  });

  it('cuts a long message to what the proxy accepts', () => {
    const context = reviewContext(undefined, [comment('customer', `<p>${'ñ'.repeat(5000)}</p>`)]);
    expect([...(context?.lastMessage ?? '')]).toHaveLength(4000);
    expect(context?.subject).toBeUndefined();
  });

  it('sends nothing for a ticket with neither subject nor customer comment', () => {
    expect(reviewContext('  ', [comment('agent', '<p>Hi</p>')])).toBeUndefined();
  });
});
