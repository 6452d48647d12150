/**
 * Sample Freshdesk tickets for the Freshdesk playground and browser tests, shaped as Freshworks'
 * `client.data.get('ticket' | 'requester' | 'loggedInUser')` returns them, with the conversations
 * as Freshdesk's `GET /api/v2/tickets/{id}/conversations` lists them: Spanish, Portuguese,
 * French and Italian customers (translated by the embedded Apertium engine, the last three
 * through Spanish) and a German one (no default engine serves German: review only).
 */
import type { FreshdeskConversation } from '../src/freshdesk/freshdeskConversation.js';

export interface FreshdeskTicketFixture {
  /** What the playground's ticket picker says about the sample: its language and whether it translates. */
  label: string;
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
    label: 'Spanish — translated by the default engine',
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
    label: 'Portuguese — translated by the default engine (through Spanish)',
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
  {
    label: 'French — translated by the default engine (through Spanish)',
    ticket: {
      id: 2003,
      subject: 'Facture incorrecte',
      description:
        '<div>Bonjour, ma facture de novembre indique deux abonnements.</div><div>Pouvez-vous corriger la facture ?</div>',
      description_text:
        'Bonjour, ma facture de novembre indique deux abonnements. Pouvez-vous corriger la facture ?',
      requester_id: 603,
      created_at: '2026-11-23T09:05:00Z',
    },
    requester: { id: 603, name: 'Camille Martin', email: 'camille@example.fr', language: 'fr' },
    conversations: [],
  },
  {
    label: 'Italian — translated by the default engine (through Spanish)',
    ticket: {
      id: 2004,
      subject: 'Prodotto difettoso',
      description:
        '<div>Buongiorno, il caricabatterie che ho ricevuto non funziona.</div><div>Potete mandarmene un altro?</div>',
      description_text:
        'Buongiorno, il caricabatterie che ho ricevuto non funziona. Potete mandarmene un altro?',
      requester_id: 604,
      created_at: '2026-11-23T11:30:00Z',
    },
    requester: { id: 604, name: 'Giulia Rossi', email: 'giulia@example.it', language: 'it' },
    conversations: [],
  },
  {
    label: 'German — no default engine: review only',
    ticket: {
      id: 2005,
      subject: 'Lieferadresse ändern',
      description:
        '<div>Hallo, ich bin umgezogen und möchte meine Lieferadresse ändern.</div><div>Geht das noch für die offene Bestellung?</div>',
      description_text:
        'Hallo, ich bin umgezogen und möchte meine Lieferadresse ändern. Geht das noch für die offene Bestellung?',
      requester_id: 605,
      created_at: '2026-11-23T15:10:00Z',
    },
    requester: { id: 605, name: 'Jonas Becker', email: 'jonas@example.de', language: 'de' },
    conversations: [],
  },
];
