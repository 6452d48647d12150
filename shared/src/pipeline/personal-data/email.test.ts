import { describe, expect, it } from 'vitest';
import { findEmails } from './email.js';

const values = (text: string) => findEmails(text).map(({ start, end }) => text.slice(start, end));

describe('findEmails', () => {
  it.each([
    [
      'with a plus tag',
      'Escríbanme a ana.garcia+pedidos@correo.es, gracias.',
      'ana.garcia+pedidos@correo.es',
    ],
    [
      'in capitals under a country domain',
      'Mail: JUERGEN.MUELLER@WEB.DE',
      'JUERGEN.MUELLER@WEB.DE',
    ],
    [
      'with accents (internationalised)',
      'écrivez à josé.müller@société.fr !',
      'josé.müller@société.fr',
    ],
    [
      'under a second-level domain',
      'contato: joao_silva99@empresa.com.br.',
      'joao_silva99@empresa.com.br',
    ],
    ['behind mailto:', 'mailto:giulia.rossi@libero.it', 'giulia.rossi@libero.it'],
    [
      'inside a URL query',
      'https://shop.example.com/track?email=sarah@acme-corp.com&id=7',
      'sarah@acme-corp.com',
    ],
  ])('finds an address %s', (_, text, email) => {
    expect(values(text)).toEqual([email]);
  });

  it('leaves @mentions, hosts without a domain and one-letter endings alone', () => {
    expect(values('ping @rosa, root@localhost or user@domain.c')).toEqual([]);
  });
});
