/**
 * Sample tickets for the playground and the browser tests, shaped as ZAF returns them: Spanish,
 * Portuguese, French and Italian customers (translated offline by the embedded Apertium engine,
 * the last three through Spanish), and a German and a Japanese one (no default engine serves
 * them, so the sidebar must offer a way forward). Texts are real customer-style messages.
 */

export interface FixtureComment {
  id: number;
  value: string;
  createdAt: string;
  author: { id: number; name: string; role: 'end-user' | 'agent' | 'admin' };
}

export interface TicketFixture {
  id: number;
  subject: string;
  /** What the playground's ticket picker says about the sample: its language and whether it translates. */
  label: string;
  requester: { id: number; name: string; locale: string };
  comments: FixtureComment[];
}

export const AGENT = { id: 9001, name: 'Sam Rivera', role: 'agent' as const };

export const TICKETS: TicketFixture[] = [
  {
    id: 1001,
    subject: 'Pedido retrasado',
    label: 'Spanish — translated by the default engine',
    requester: { id: 501, name: 'María García', locale: 'es-ES' },
    comments: [
      {
        id: 70011,
        value:
          '<p>Hola, hice un pedido hace dos semanas y todavía no ha llegado.</p><p>¿Pueden decirme dónde está mi paquete?</p>',
        createdAt: '2026-11-20T09:12:00Z',
        author: { id: 501, name: 'María García', role: 'end-user' },
      },
      {
        id: 70012,
        value: '<p>Hi María, thanks for writing. Could you send me your order number?</p>',
        createdAt: '2026-11-20T10:02:00Z',
        author: AGENT,
      },
      {
        id: 70013,
        value: '<p>Claro, el número de pedido es 48213. Necesito el paquete antes del viernes.</p>',
        createdAt: '2026-11-20T11:40:00Z',
        author: { id: 501, name: 'María García', role: 'end-user' },
      },
    ],
  },
  {
    id: 1002,
    subject: 'Rechnung doppelt bezahlt',
    label: 'German — no default engine: review only',
    requester: { id: 502, name: 'Jonas Becker', locale: 'de' },
    comments: [
      {
        id: 70021,
        value:
          '<p>Guten Tag, ich habe meine Rechnung versehentlich zweimal bezahlt.</p><p>Können Sie mir den doppelten Betrag bitte zurückerstatten?</p>',
        createdAt: '2026-11-21T08:30:00Z',
        author: { id: 502, name: 'Jonas Becker', role: 'end-user' },
      },
    ],
  },
  {
    id: 1003,
    subject: 'ログインできません',
    label: 'Japanese — no default engine: review only',
    requester: { id: 503, name: '佐藤 花子', locale: 'ja' },
    comments: [
      {
        id: 70031,
        value:
          '<p>こんにちは。昨日からアカウントにログインできません。</p><p>パスワードを再設定しても同じエラーが表示されます。</p>',
        createdAt: '2026-11-21T23:05:00Z',
        author: { id: 503, name: '佐藤 花子', role: 'end-user' },
      },
    ],
  },
  {
    id: 1004,
    subject: 'Encomenda danificada',
    label: 'Portuguese — translated by the default engine (through Spanish)',
    requester: { id: 504, name: 'Ana Costa', locale: 'pt-PT' },
    comments: [
      {
        id: 70041,
        value:
          '<p>Bom dia, a minha encomenda chegou hoje mas a caixa estava danificada.</p><p>Posso trocar o produto?</p>',
        createdAt: '2026-11-22T10:15:00Z',
        author: { id: 504, name: 'Ana Costa', role: 'end-user' },
      },
    ],
  },
  {
    id: 1005,
    subject: 'Remboursement en attente',
    label: 'French — translated by the default engine (through Spanish)',
    requester: { id: 505, name: 'Camille Martin', locale: 'fr-FR' },
    comments: [
      {
        id: 70051,
        value:
          "<p>Bonjour, j'ai retourné mon colis il y a deux semaines.</p><p>Quand vais-je recevoir mon remboursement ?</p>",
        createdAt: '2026-11-22T13:20:00Z',
        author: { id: 505, name: 'Camille Martin', role: 'end-user' },
      },
    ],
  },
  {
    id: 1006,
    subject: 'Cambio di indirizzo',
    label: 'Italian — translated by the default engine (through Spanish)',
    requester: { id: 506, name: 'Giulia Rossi', locale: 'it' },
    comments: [
      {
        id: 70061,
        value:
          "<p>Buongiorno, ho sbagliato l'indirizzo di consegna nel mio ordine.</p><p>Potete cambiarlo prima della spedizione?</p>",
        createdAt: '2026-11-23T08:45:00Z',
        author: { id: 506, name: 'Giulia Rossi', role: 'end-user' },
      },
    ],
  },
];

/** A follow-up the playground can add to show the sidebar reacting to `ticket.comments.changed`. */
export const FOLLOW_UPS: Record<number, string> = {
  1001: '<p>Gracias por su ayuda. ¿Puedo cambiar la dirección de entrega?</p>',
  1002: '<p>Die Rechnungsnummer ist RE-2026-114.</p>',
  1003: '<p>スマートフォンからも試しましたが、だめでした。</p>',
  1004: '<p>Obrigada. Envio uma fotografia da caixa?</p>',
  1005: '<p>Merci. Le numéro de retour est R-5521.</p>',
  1006: '<p>Grazie. Il nuovo indirizzo è Via Roma 12, Milano.</p>',
};
