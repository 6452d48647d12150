import { describe, expect, it } from 'vitest';
import { checkTranslation } from './check-translation.js';
import type { QaIssue } from './types.js';

const codes = (qa: readonly QaIssue[]) => qa.map(({ code, severity }) => `${code}:${severity}`);

describe('checkTranslation', () => {
  it('accepts a faithful translation of a comment with placeholders, links and numbers', () => {
    expect(
      checkTranslation(
        '<p>Hi {{ticket.requester.first_name}}, your order <b>ORD-77812-B</b> ships in 2 days: <a href="https://t.example/X">https://t.example/X</a></p>',
        '<p>Hola {{ticket.requester.first_name}}, su pedido <b>ORD-77812-B</b> sale en 2 días: <a href="https://t.example/X">https://t.example/X</a></p>',
        'html',
      ),
    ).toEqual([]);
  });

  it('reports a helpdesk placeholder the translator removed as an error', () => {
    expect(codes(checkTranslation('Hi {{ticket.requester.first_name}}!', 'Hola!', 'text'))).toEqual(
      ['placeholder_missing:error'],
    );
  });

  it('reports a placeholder the translator mistyped as missing and unknown', () => {
    expect(codes(checkTranslation('Ticket {{ticket.id}}', 'Ticket {{ticket.ID}}', 'text'))).toEqual(
      ['placeholder_missing:error', 'placeholder_unknown:warning'],
    );
  });

  it('reports a placeholder written twice', () => {
    expect(codes(checkTranslation('Code `ABC`', 'Código `ABC` `ABC`', 'text'))).toEqual([
      'placeholder_duplicated:warning',
    ]);
  });

  it('reports a URL that changed case as a URL mismatch', () => {
    expect(
      codes(
        checkTranslation(
          'See https://Shop.example/Orders',
          'Ver https://shop.example/orders',
          'text',
        ),
      ),
    ).toEqual(['url_mismatch:error', 'url_mismatch:warning']);
  });

  it('reports a missing inline tag', () => {
    const [issue] = checkTranslation('<p>Pulse <b>Enviar</b>.</p>', '<p>Press Send.</p>', 'html');
    expect(issue).toMatchObject({
      code: 'tags_unbalanced',
      severity: 'error',
      detail: 'missing <b>',
    });
  });

  it('reports a tag the translator opened and never closed', () => {
    const [issue] = checkTranslation(
      '<p>Pulse <b>Enviar</b>.</p>',
      '<p>Press <b>Send.</p>',
      'html',
    );
    expect(issue).toMatchObject({ code: 'tags_unbalanced', detail: '<b> is not closed' });
  });

  it('reports an end tag that closes nothing', () => {
    const [issue] = checkTranslation(
      '<p>Pulse <b>Enviar</b>.</p>',
      '<p>Press <b>Send</b>.</i></p>',
      'html',
    );
    expect(issue).toMatchObject({ code: 'tags_unbalanced', detail: '1 end tag(s) close nothing' });
  });

  it('reports a changed number as a warning', () => {
    expect(codes(checkTranslation('Erstattung in 5 Tagen.', 'Refund in 7 days.', 'text'))).toEqual([
      'number_mismatch:warning',
    ]);
  });

  it('compares trailing whitespace, not runs of spaces inside the text', () => {
    const spaced = `Danke${' '.repeat(20_000)}schön.`;
    expect(
      codes(checkTranslation(`${spaced}\n`, `Thank${' '.repeat(20_000)}you.\n`, 'text')),
    ).toEqual([]);
  });

  it('reports different leading or trailing whitespace in plain text', () => {
    expect(codes(checkTranslation('Danke.\n', 'Thanks.', 'text'))).toEqual(['whitespace:warning']);
  });

  it('reports an empty translation as the only issue', () => {
    expect(
      codes(checkTranslation('<p>Gracias, {{ticket.agent.name}}</p>', '<p> </p>', 'html')),
    ).toEqual(['translation_empty:error']);
  });

  it('compares inline <code> content exactly', () => {
    expect(
      codes(
        checkTranslation(
          '<p>Run <code>sync --all</code></p>',
          '<p>Ejecute <code>sincronizar</code></p>',
          'html',
        ),
      ),
    ).toEqual(['placeholder_missing:error', 'placeholder_unknown:warning']);
  });

  it('reports a do-not-translate glossary term the translator translated as an error', () => {
    expect(
      codes(
        checkTranslation('Open Parley Inbox.', 'Abra la Bandeja de Parley.', 'text', {
          terms: [{ source: 'Parley Inbox' }],
        }),
      ),
    ).toEqual(['term_missing:error']);
  });

  it('reports a glossary term not rendered with its target as a warning', () => {
    const terms = [{ source: 'refund', target: 'reembolso' }];
    expect(
      codes(
        checkTranslation('Your refund is ready.', 'Su devolución está lista.', 'text', { terms }),
      ),
    ).toEqual(['term_missing:warning']);
  });

  it('accepts a glossary target written with a capital', () => {
    const terms = [{ source: 'refund', target: 'reembolso' }];
    expect(checkTranslation('Refund ready.', 'Reembolso listo.', 'text', { terms })).toEqual([]);
  });

  it('accepts a glossary target the translator inflected to fit the sentence', () => {
    const terms = [{ source: 'refund', target: 'reembolso' }];
    expect(
      checkTranslation(
        'Your refund is on its way.',
        'Ya le hemos reembolsado el importe.',
        'text',
        {
          terms,
        },
      ),
    ).toEqual([]);
  });

  it('still requires a do-not-translate term exactly, not inflected', () => {
    const terms = [{ source: 'Parley Inbox' }];
    expect(
      codes(checkTranslation('Open Parley Inbox.', 'Abra Parley Inboxes.', 'text', { terms })),
    ).toEqual(['term_missing:error']);
  });
});
