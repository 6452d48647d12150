/**
 * Sample Freshdesk tickets for the Freshdesk playground and browser tests, shaped as Freshworks'
 * `client.data.get('ticket' | 'requester' | 'loggedInUser')` returns them, with the conversations
 * as Freshdesk's `GET /api/v2/tickets/{id}/conversations` lists them: a Spanish customer
 * (translated by Apertium) and a Portuguese one (Portuguese→English goes through Spanish).
 */
import type { FreshdeskConversation } from '../src/freshdesk/freshdeskConversation.js';

export interface FreshdeskTicketFixture {
  ticket: {
    id: number;
    subject: string;
    description: string;
    description_text: string;
    requester_id: number;
    created_at: string;
  };
  requester: { id: number; name: string; email: string; language: string };
  conversations: FreshdeskConversation[];
}

export const FRESHDESK_AGENT = {
  id: 77001,
  contact: { name: 'Sam Rivera', email: 'sam@example.com', language: 'en' },
};

export const FRESHDESK_TICKETS: FreshdeskTicketFixture[] = [
  {
    ticket: {
      id: 2001,
      subject: 'No puedo acceder a mi cuenta',
      description:
        '<div>Hola, desde ayer no puedo acceder a mi cuenta.</div><div>He cambiado la contraseña dos veces y sigue sin funcionar.</div>',
      description_text:
        'Hola, desde ayer no puedo acceder a mi cuenta. He cambiado la contraseña dos veces y sigue sin funcionar.',
      requester_id: 601,
      created_at: '2026-11-21T08:15:00Z',
    },
    requester: { id: 601, name: 'Lucía Fernández', email: 'lucia@example.es', language: 'es' },
    conversations: [
      {
        id: 9100001,
        body: '<div>Hi Lucía, sorry about that. Which browser are you using?</div>',
        incoming: false,
        private: false,
        user_id: FRESHDESK_AGENT.id,
        created_at: '2026-11-21T09:02:00Z',
      },
      {
        id: 9100002,
        body: '<div>Uso Firefox en un ordenador portátil. El error dice que la sesión ha caducado.</div>',
        incoming: true,
        private: false,
        user_id: 601,
        created_at: '2026-11-21T09:30:00Z',
      },
    ],
  },
  {
    ticket: {
      id: 2002,
      subject: 'Encomenda não entregue',
      description:
        '<div>Olá, comprei um casaco há dez dias e a encomenda ainda não chegou.</div><div>Podem verificar o estado da entrega, por favor?</div>',
      description_text:
        'Olá, comprei um casaco há dez dias e a encomenda ainda não chegou. Podem verificar o estado da entrega, por favor?',
      requester_id: 602,
      created_at: '2026-11-22T14:40:00Z',
    },
    requester: { id: 602, name: 'João Almeida', email: 'joao@example.pt', language: 'pt-PT' },
    conversations: [],
  },
];
