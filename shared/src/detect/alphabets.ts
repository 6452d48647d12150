// The letters each language's spelling uses. A letter outside a language's alphabet (ñ for
// Portuguese, ы for Ukrainian, ő for German) is strong evidence against it; an ASCII letter its
// native words rarely use (w in Italian, q in Polish) is weaker evidence.

// Non-ASCII letters of each Latin-script language, and the full alphabet of Cyrillic ones.
const OWN_LETTERS: Readonly<Record<string, string>> = {
  en: '',
  es: 'áéíóúñü',
  fr: 'àâæçéèêëîïôœùûüÿ',
  de: 'äöüß',
  it: 'àèéìíîòóùú',
  pt: 'áâãàçéêíóôõúü',
  nl: 'éèëïöüáóíú',
  sv: 'åäöé',
  da: 'æøåé',
  nb: 'æøåéèóòôê',
  fi: 'äöåšž',
  pl: 'ąćęłńóśźż',
  cs: 'áčďéěíňóřšťúůýž',
  tr: 'çğıöşüâîû',
  id: 'é',
  ro: 'ăâîșțşţ',
  hu: 'áéíóöőúüű',
  vi: 'àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ',
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
};

const RARE_ASCII_LETTERS: Readonly<Record<string, string>> = {
  it: 'jkwxy',
  es: 'kw',
  pt: 'kwy',
  pl: 'qvx',
  cs: 'qwx',
  tr: 'qwx',
  vi: 'fjwz',
  fi: 'bcfqwxz',
  ro: 'qwy',
  hu: 'qwx',
  id: 'qxz',
  sv: 'qwz',
  da: 'cqwxz',
  nb: 'cqwxz',
  fr: 'kw',
  de: 'qy',
  nl: 'qxy',
};

const CYRILLIC_LANGUAGES = new Set(['ru', 'uk']);

/** How many of `letters` (lower-case) a language's spelling does not use, and how many it rarely uses. */
export function alphabetMismatch(
  letters: readonly string[],
  language: string,
): { foreign: number; rare: number } {
  const own = OWN_LETTERS[language];
  if (own === undefined) return { foreign: 0, rare: 0 };
  const rareLetters = RARE_ASCII_LETTERS[language] ?? '';
  const cyrillic = CYRILLIC_LANGUAGES.has(language);
  let foreign = 0;
  let rare = 0;
  for (const letter of letters) {
    if (cyrillic || letter > 'z') {
      if (!own.includes(letter)) foreign++;
    } else if (rareLetters.includes(letter)) {
      rare++;
    }
  }
  return { foreign, rare };
}
