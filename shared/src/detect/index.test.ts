import { describe, expect, it } from 'vitest';
import { detectLanguage } from './index.js';

describe('detectLanguage: short support messages', () => {
  it.each([
    ['Where is my order?', 'en'],
    ['Danke!', 'de'],
    ['no funciona', 'es'],
    ['Obrigado pela ajuda', 'pt'],
    ["Je n'ai pas reçu mon colis", 'fr'],
    ['Il pacco non è arrivato', 'it'],
    ['Waar blijft mijn bestelling?', 'nl'],
    ['Paketet har inte kommit', 'sv'],
    ['Gdzie jest moja paczka?', 'pl'],
    ['Kde je moje objednávka?', 'cs'],
    ['Siparişim nerede?', 'tr'],
    ['Tilaukseni ei ole saapunut', 'fi'],
    ['Hol van a csomagom?', 'hu'],
    ['Unde este comanda mea?', 'ro'],
    ['Pesanan saya belum sampai', 'id'],
    ['Đơn hàng của tôi ở đâu?', 'vi'],
    ['Где мой заказ?', 'ru'],
  ])('recognises %j as %s', (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });
});

describe('detectLanguage: scripts that decide alone', () => {
  it.each([
    ['주문한 iPhone 케이스가 아직 안 왔어요', 'ko'],
    ['注文した商品がまだ届きません', 'ja'],
    ['สินค้ายังไม่มาถึง', 'th'],
    ['ההזמנה שלי עוד לא הגיעה', 'he'],
    ['Η παραγγελία μου δεν έχει φτάσει', 'el'],
    ['मेरा ऑर्डर अभी तक नहीं आया', 'hi'],
    ['لم يصل طلبي بعد', 'ar'],
  ])('answers %j as %s with full confidence', (text, language) => {
    expect(detectLanguage(text)).toMatchObject({ language, confidence: 1, reliable: true });
  });

  it('tells Chinese, simplified or traditional, from kanji-only Japanese', () => {
    expect(detectLanguage('我的订单还没到，请帮我查一下').language).toBe('zh');
    expect(detectLanguage('発送済').language).toBe('ja');
    expect(detectLanguage('請問我的訂單何時到？').language).toBe('zh');
  });

  it('tells Ukrainian from Russian by its own letters', () => {
    expect(detectLanguage('Де моє замовлення?').language).toBe('uk');
    expect(detectLanguage('Дякую за допомогу').language).toBe('uk');
  });
});

describe('detectLanguage: priors', () => {
  // Danish and Norwegian Bokmål spell this sentence the same way.
  const danishOrNorwegian = 'Hvor er pakken min?';

  it('lets the profile locale tip an ambiguous short text', () => {
    expect(detectLanguage(danishOrNorwegian, { hints: { locale: 'nb-NO' } }).language).toBe('nb');
    expect(detectLanguage(danishOrNorwegian, { hints: { locale: 'da-DK' } }).language).toBe('da');
  });

  it('lets earlier detections for the requester tip an ambiguous short text', () => {
    expect(
      detectLanguage(danishOrNorwegian, { hints: { previous: ['nb', 'nb', 'nb'] } }).language,
    ).toBe('nb');
    expect(detectLanguage(danishOrNorwegian, { hints: { previous: ['da', 'da'] } }).language).toBe(
      'da',
    );
  });

  it('does not let a wrong profile locale override a clear sentence', () => {
    const result = detectLanguage(
      'Ich habe die Rechnung noch nicht bekommen, können Sie sie mir bitte schicken?',
      {
        hints: { locale: 'fr-FR' },
      },
    );
    expect(result).toMatchObject({ language: 'de', reliable: true });
  });

  it('does not let wrong earlier detections override a clear sentence', () => {
    const result = detectLanguage(
      'Quiero cancelar mi suscripción y pedir el reembolso del último mes.',
      {
        hints: { locale: 'pt-BR', previous: ['pt', 'pt', 'pt'] },
      },
    );
    expect(result.language).toBe('es');
  });

  it('ignores a locale in another script than the text', () => {
    expect(detectLanguage('Спасибо, всё работает', { hints: { locale: 'en-US' } }).language).toBe(
      'ru',
    );
  });
});

describe('detectLanguage: texts without signal', () => {
  it.each(['OK', '👍', '12345', 'ok 👍', 'https://example.com/orders/ORD-77812-B'])(
    'answers %j as und, unreliable, without a prior',
    (text) => {
      expect(detectLanguage(text)).toMatchObject({
        language: 'und',
        confidence: 0,
        reliable: false,
      });
    },
  );

  it("answers the profile locale's language, still unreliable, when there is a prior", () => {
    expect(detectLanguage('OK', { hints: { locale: 'de-AT' } })).toMatchObject({
      language: 'de',
      reliable: false,
    });
    expect(detectLanguage('👍', { hints: { previous: ['pt-BR'] } })).toMatchObject({
      language: 'pt',
      reliable: false,
    });
  });

  it('flags a text that fits two languages equally as unreliable', () => {
    expect(detectLanguage('Hvor er pakken min?').reliable).toBe(false);
  });
});

describe('detectLanguage: the tenant language list', () => {
  it('answers only a language from the list', () => {
    const result = detectLanguage('Obrigado pela ajuda', { languages: ['en', 'es-ES'] });
    expect(['en', 'es']).toContain(result.language);
    expect(result.alternatives.every(({ language }) => ['en', 'es'].includes(language))).toBe(true);
  });

  it('stays reliable when the text is in one of the listed languages', () => {
    expect(detectLanguage('Gracias por la ayuda', { languages: ['en', 'es'] })).toMatchObject({
      language: 'es',
      reliable: true,
    });
  });

  it('flags a text in a language outside the list as unreliable', () => {
    const german = 'Ich habe die Rechnung noch nicht bekommen, können Sie sie mir bitte schicken?';
    expect(detectLanguage(german, { languages: ['en', 'es'] }).reliable).toBe(false);
  });

  it('ignores a profile locale outside the list', () => {
    const result = detectLanguage('OK', { languages: ['en', 'es'], hints: { locale: 'fr-FR' } });
    expect(result.language).toBe('und');
  });

  it('answers und when no listed language is written in the text’s script', () => {
    expect(detectLanguage('ההזמנה שלי עוד לא הגיעה', { languages: ['en', 'de'] })).toMatchObject({
      language: 'und',
      reliable: false,
    });
  });
});

describe('detectLanguage: result shape', () => {
  it('gives probabilities that sum to at most one, best first', () => {
    const result = detectLanguage('no funciona');
    const all = [result.confidence, ...result.alternatives.map(({ confidence }) => confidence)];
    expect(all.reduce((sum, p) => sum + p, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect([...all].sort((a, b) => b - a)).toEqual(all);
  });

  it('detects the reply, not the quoted history under it', () => {
    const reply =
      'Sigue sin llegar el paquete.\n\nOn Mon, Mar 3, 2025 at 10:12 AM Support <help@shop.example> wrote:\n> Your parcel has been shipped and will arrive tomorrow.';
    expect(detectLanguage(reply).language).toBe('es');
  });
});
