import { describe, expect, it } from 'vitest';
import { cleanForDetection } from './clean.js';

describe('cleanForDetection: quoted history', () => {
  it('drops an English reply header and everything quoted under it', () => {
    const reply = [
      'Ya lo intenté dos veces y sigue sin funcionar.',
      '',
      'On Tue, Mar 4, 2025 at 9:14 AM Acme Support <support@acme.example> wrote:',
      '> Hi Lucía, could you try resetting the router?',
      '> Thanks, Tom',
    ].join('\n');
    expect(cleanForDetection(reply)).toBe('Ya lo intenté dos veces y sigue sin funcionar.');
  });

  it('drops a Spanish reply header ("El … escribió:")', () => {
    const reply =
      'Thanks, that fixed it!\n\nEl mar, 4 mar 2025 a las 9:14, Soporte Acme (<soporte@acme.example>) escribió:\nHola, ¿puede reiniciar el router?';
    expect(cleanForDetection(reply)).toBe('Thanks, that fixed it!');
  });

  it('drops a German reply header ("Am … schrieb …:")', () => {
    const reply =
      'Merci beaucoup pour votre aide.\n\nAm Di., 4. März 2025 um 09:14 Uhr schrieb Acme Support <support@acme.example>:\nBitte starten Sie den Router neu.';
    expect(cleanForDetection(reply)).toBe('Merci beaucoup pour votre aide.');
  });

  it('drops a French reply header ("Le … a écrit :")', () => {
    const reply =
      'Grazie, adesso funziona.\nLe mar. 4 mars 2025 à 09:14, Support Acme <support@acme.example> a écrit :\nBonjour, pouvez-vous redémarrer ?';
    expect(cleanForDetection(reply)).toBe('Grazie, adesso funziona.');
  });

  it('drops a reply header in any language that ends with the sender address and a colon', () => {
    const japanese =
      'ありがとうございます。届きました。\n\n2025年3月7日(金) 10:00 Acme Support <support@acme.example>:\n> Your parcel is on its way.';
    const russian =
      'Спасибо, посылка пришла.\n\nпт, 7 мар. 2025 г. в 10:00, Acme Support <support@acme.example>:\n> Your parcel is on its way.';
    expect(cleanForDetection(japanese)).toBe('ありがとうございます。届きました。');
    expect(cleanForDetection(russian)).toBe('Спасибо, посылка пришла.');
  });

  it('drops an Outlook original-message block', () => {
    const reply =
      'Dziękuję, paczka dotarła.\n\n-----Original Message-----\nFrom: Acme Support\nSent: Tuesday\nYour parcel is on its way.';
    expect(cleanForDetection(reply)).toBe('Dziękuję, paczka dotarła.');
  });

  it('drops lines quoted with ">" but keeps the answer written between them', () => {
    const reply =
      '> Can you send a photo of the damage?\nJa, die Fotos sind im Anhang.\n> And the order number?\nSteht auf der Rechnung.';
    expect(cleanForDetection(reply)).toBe('Ja, die Fotos sind im Anhang. Steht auf der Rechnung.');
  });
});

describe('cleanForDetection: signatures', () => {
  it('drops everything after the "-- " signature delimiter', () => {
    const message =
      'Danke für die schnelle Antwort!\n-- \nJohn Smith\nHead of Procurement, Example Ltd.\nPhone +44 20 7946 0000';
    expect(cleanForDetection(message)).toBe('Danke für die schnelle Antwort!');
  });

  it('drops device signatures in several languages', () => {
    expect(cleanForDetection('¿Dónde está mi pedido?\n\nEnviado desde mi iPhone')).toBe(
      '¿Dónde está mi pedido?',
    );
    expect(cleanForDetection('Où est ma commande ?\nSent from my iPhone')).toBe(
      'Où est ma commande ?',
    );
    expect(cleanForDetection('Wo bleibt meine Bestellung?\nVon meinem iPhone gesendet')).toBe(
      'Wo bleibt meine Bestellung?',
    );
  });
});

describe('cleanForDetection: markup and tokens without language', () => {
  it('reads the text of a helpdesk HTML comment, skipping quoted blocks and decoding entities', () => {
    const html =
      '<div class="zd-comment" dir="auto"><p>Bonjour,</p><p>je n&#39;ai toujours pas re&ccedil;u mon colis&nbsp;!</p>' +
      '<blockquote><p>Hello, your parcel has shipped.</p></blockquote></div>';
    expect(cleanForDetection(html)).toBe("Bonjour, je n'ai toujours pas reçu mon colis !");
  });

  it('drops style and script content', () => {
    const html =
      '<style>p { color: red }</style><p>Hej, var är mitt paket?</p><script>track("x")</script>';
    expect(cleanForDetection(html)).toBe('Hej, var är mitt paket?');
  });

  it('drops URLs, e-mail addresses, order codes and numbers', () => {
    const message =
      'Mi pedido ORD-77812-B de 49,90 € no llegó: https://shop.example/track?id=77812 ' +
      'escribid a lucia.gomez@example.es o al +34 600 123 456';
    expect(cleanForDetection(message)).toBe('Mi pedido de € no llegó: escribid a o al +');
  });

  it('drops an address and an order code written after a very long word, and keeps the word', () => {
    const word = 'Donaudampfschifffahrt'.repeat(900);
    expect(cleanForDetection(`${word} lucia.gomez@example.es ORD-77812-B gracias`)).toBe(
      `${word} gracias`,
    );
  });

  it('still reads a header line whose address holds several @ as the start of quoted history', () => {
    const reply = `Gracias, ya llegó.\nAcme <${'a@'.repeat(5_000)}acme.example>:\n> Your parcel is on its way.`;
    expect(cleanForDetection(reply)).toBe('Gracias, ya llegó.');
  });

  it('keeps CJK text that contains digits', () => {
    expect(cleanForDetection('注文から3日経ちましたが、まだ届いていません。')).toBe(
      '注文から 日経ちましたが、まだ届いていません。',
    );
  });

  it('answers an empty string for a message with no words', () => {
    expect(cleanForDetection('12345')).toBe('');
    expect(cleanForDetection('https://example.com/order/12345')).toBe('');
  });
});
