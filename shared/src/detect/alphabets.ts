// The letters each language's spelling uses. A letter outside a language's alphabet (ñ for
// Portuguese, ы for Ukrainian, ő for German, 駅 for Chinese) is strong evidence against it; an
// ASCII letter its native words rarely use (w in Italian, q in Polish) is weaker evidence.

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

// Han characters only one of Chinese and Japanese writes. Japanese shinjitai and kokuji differ
// from both traditional and simplified Chinese (駅: 驛/驿); simplified-only forms (们, 这) are
// never Japanese. Characters shared by simplified Chinese and Japanese (国, 体, 区) are absent,
// so traditional Chinese never counts as Japanese.
const JAPANESE_ONLY_HAN =
  '駅円発売営気図広沢浜県団歳労込働畑峠匂枠辻読続転伝経済払様関険験戦単検権歓観楽薬鉄銭舗変児亜悪圧囲栄駆拠挙対帯択弾' +
  '桜黒緑隠隣総豊塩焼猟獣粋砕穏稲絵縄繊聴脳蔵覚譲賛郷酔釈鋭陥雑霊顕騒髄鶏齢剤剣勧勲厳呉唖圏';
const SIMPLIFIED_ONLY_HAN =
  '们这说话订单还请问时么帮查运货费买卖东车门见贝长开关电给让现认识从发边过进远钱银钟页题颜风飞马鱼鸟龙个几头' +
  '应该样为书图经济觉记设计论语读谁调谈实务动员级线红组织终结统络续维综绿网罗习产亲众优伤价佣侧俭债倾';
const OTHER_HAN: Readonly<Record<string, string>> = {
  zh: JAPANESE_ONLY_HAN,
  ja: SIMPLIFIED_ONLY_HAN,
};

/** How many of `letters` (lower-case) a language's spelling does not use, and how many it rarely uses. */
export function alphabetMismatch(
  letters: readonly string[],
  language: string,
): { foreign: number; rare: number } {
  const otherHan = OTHER_HAN[language];
  if (otherHan !== undefined) {
    return { foreign: letters.filter((letter) => otherHan.includes(letter)).length, rare: 0 };
  }
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
