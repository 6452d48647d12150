/**
 * What the msw stand-ins answer with instead of a neural translation: a word-for-word
 * substitution from a handful of support-desk words, applied only to text outside tags. Whether
 * markup survives depends on the mode the client asked for, as with the real providers: in
 * tag-aware modes (DeepL `tag_handling=xml`, Google `format=html`, Azure `textType=html`) tags
 * come back as they went in; in plain-text modes the provider treats `<x id="1"/>` as words and
 * the stand-in mangles it the way such engines do (spaces inserted, quotes changed).
 */
const WORDS: Record<string, Record<string, string>> = {
  es: {
    hello: 'hola',
    your: 'su',
    order: 'pedido',
    is: 'está',
    ready: 'listo',
    thanks: 'gracias',
    where: 'dónde',
    my: 'mi',
    refund: 'reembolso',
    the: 'el',
    and: 'y',
  },
  en: {
    hola: 'hello',
    su: 'your',
    pedido: 'order',
    está: 'is',
    listo: 'ready',
    gracias: 'thanks',
    el: 'the',
    y: 'and',
  },
  de: {
    hello: 'hallo',
    your: 'Ihre',
    order: 'Bestellung',
    is: 'ist',
    ready: 'bereit',
    thanks: 'danke',
  },
};

const TAG = /(<[^>]*>)/;

function translateWords(text: string, target: string): string {
  const table = WORDS[target.slice(0, 2).toLowerCase()] ?? {};
  return text.replace(/\p{L}+/gu, (word) => {
    const translated = table[word.toLowerCase()];
    if (!translated) return word;
    return word[0] === word[0]!.toUpperCase()
      ? translated[0]!.toUpperCase() + translated.slice(1)
      : translated;
  });
}

export function pseudoTranslate(text: string, target: string, keepTags: boolean): string {
  return text
    .split(TAG)
    .map((part) => {
      if (!TAG.test(part)) return translateWords(part, target);
      return keepTags ? part : part.replace(/</g, '< ').replace(/"/g, '”');
    })
    .join('');
}
