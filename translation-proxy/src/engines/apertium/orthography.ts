/**
 * Typography Apertium's dictionaries do not handle, fixed around the engine: the typographic
 * apostrophe (’), which the English analyser does not know (`I’m`, `don’t` stayed untranslated),
 * the French ligature œ, which the French analyser knows only written out (`sœur`, `œuvre`),
 * the Romanian article and ordinal endings written after a hyphen (`FBI-ul`, `al XV-lea`), which
 * the Romanian analyser splits into an unknown word and an unknown ending,
 * Spanish opening question and exclamation marks, which the eng→spa transfer never writes,
 * function words the spa→eng transfer capitalises inside a sentence, the capitals it gives a
 * multiword preposition that opens one, and quotation marks English does not use, which the
 * bridged languages pass through Spanish (« », „ ”).
 * Works on masked segments; placeholders hold no `’`, `?` or `!`, so they pass unchanged.
 */
import { UNKNOWN_END, withoutMarks } from '@parley/shared/pipeline/unknown-words';

const FRENCH = /^fr(?:-|$)/i;
const SPANISH = /^es(?:-|$)/i;
const ROMANIAN = /^ro(?:-|$)/i;

/**
 * A word, then a Romanian definite or plural ending after a hyphen (`FBI-ul`, `Texas-ului`,
 * `iPod-urilor`). Tried only at a word's start, so each word is read once.
 */
const HYPHENATED_ENDING =
  /(?<![\p{L}\p{N}])([\p{L}\p{N}]+)-(?:ul|ului|uri|urile|urilor)(?![\p{L}\p{N}])/gu;
const CAPITAL_OR_DIGIT = /[\p{Lu}\p{N}]/u;
/**
 * A Roman or Arabic ordinal, `al XV-lea`, `a II-a`, `al 3-lea`: the article and ending go. The
 * feminine `-a` only after its article `a` and on two or more letters or a number: `I-a spus`,
 * `L-a văzut` and `V-a spus` are a pronoun and `a`.
 */
const ORDINAL =
  /(?<![\p{L}\p{N}])(?:(?:al )?([IVXLCDM]+|\d+)-lea|a ([IVXLCDM]{2,}|\d+)-a)(?![\p{L}\p{N}])/gu;

/**
 * Romanian as ro-es reads it: an acronym's or a name's hyphenated ending dropped (`FBI-ul` →
 * `FBI`; the analyser knows neither part, and the bare name passes through), a lowercase word's
 * kept (ro-es knows `site-ul`); `secolul al XV-lea` → `secolul XV`, which Spanish writes `el
 * siglo XV`.
 */
function prepareRomanian(text: string): string {
  return text
    .replace(HYPHENATED_ENDING, (word, stem: string) => (CAPITAL_OR_DIGIT.test(stem) ? stem : word))
    .replace(
      ORDINAL,
      (_ordinal, masculine?: string, feminine?: string) => masculine ?? feminine ?? '',
    );
}

/**
 * Source text in language `source` as the analysers expect it, without characters that would
 * forge unknown-word marks.
 */
export function prepareSource(masked: string, source: string): string {
  const text = withoutMarks(masked).replace(/\u2019/g, "'");
  if (FRENCH.test(source)) return text.replace(/œ/g, 'oe').replace(/Œ/g, 'Oe');
  return ROMANIAN.test(source) ? prepareRomanian(text) : text;
}

/** What ends a sentence (followed by whitespace) or stands outside one. */
const TERMINATOR = /[.!?:;]/;
const OUTSIDE_SENTENCE = /[.!?:;\n¿¡]/;
const CLOSING_MARK = /[?!]/;
const NON_SPACE = /\S/;
/** Spaces, placeholders and a quote that open a sentence stay outside its opening mark. */
const LEAD = /^\s*(?:<x id="\d+"\s*\/>\s*)*["«“]?/;
/** Words an opening phrase before a comma may hold for the mark to follow it ("Hola Ana, ¿…?"). */
const OPENER_WORDS = 3;
const QUESTION_WORD =
  /^(?:qu[ée]|cu[áa]ndo|d[óo]nde|c[óo]mo|qui[ée]n|cu[áa]l|cu[áa]nto|por qu[ée])(?!\p{L})/iu;

/**
 * Where the opening mark goes in a sentence (after its lead): after a short opening phrase and its
 * comma, a greeting, a name or an interjection ("Hola Ana, ¿puedes…?", "Gracias, ¡hasta pronto!"),
 * which Spanish leaves outside the question; otherwise at the start. An opener that is itself a
 * question word ("¿Cuándo, dónde y cómo?"), or one word after the comma ("¡Hola, Betty!"), keeps
 * the mark before it.
 */
function markOffset(sentence: string, leadLength: number): number {
  const comma = sentence.indexOf(', ', leadLength);
  // A single word after the comma is who is spoken to, inside the exclamation: "¡Hola, Betty!".
  if (comma < 0 || !/\S\s+\S/.test(sentence.slice(comma + 2))) return leadLength;
  const opener = sentence.slice(leadLength, comma);
  const words = opener.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > OPENER_WORDS || QUESTION_WORD.test(opener))
    return leadLength;
  return comma + 2;
}

/**
 * Gives a sentence that ends in ? or ! without an opening mark its ¿ or ¡ (where `markOffset`
 * says). A sentence starts at
 * the text's start, after a line break, or after . ! ? : ; and whitespace. Read run by run (a
 * run holds no terminator, line break or opening mark), so each character is looked at once: a
 * regex with a lookbehind and two lazy runs rescanned every sentence that ends without a mark.
 */
function openSpanishMarks(text: string): string {
  let output = '';
  let runStart = 0;
  while (runStart < text.length) {
    let runEnd = runStart;
    while (runEnd < text.length && !OUTSIDE_SENTENCE.test(text[runEnd] ?? '')) runEnd++;
    let marksEnd = runEnd;
    while (marksEnd < text.length && CLOSING_MARK.test(text[marksEnd] ?? '')) marksEnd++;
    const before = text[runStart - 1];
    const start =
      before === undefined || before === '\n'
        ? runStart
        : TERMINATOR.test(before) && /\s/.test(text[runStart] ?? '')
          ? runStart + 1
          : undefined;
    const sentence = start === undefined ? '' : text.slice(start, runEnd);
    if (start !== undefined && marksEnd > runEnd && NON_SPACE.test(sentence)) {
      const marks = text.slice(runEnd, marksEnd);
      const lead = LEAD.exec(sentence)?.[0] ?? '';
      const at = markOffset(sentence, lead.length);
      const opening = marks.startsWith('?') ? '¿' : '¡';
      output += `${text.slice(runStart, start)}${sentence.slice(0, at)}${opening}${sentence.slice(at)}${marks}`;
      runStart = marksEnd;
    } else {
      output += text.slice(runStart, runEnd + 1);
      runStart = runEnd + 1;
    }
  }
  return output;
}

const ENGLISH = /^en(?:-|$)/i;
/**
 * A capitalised function word inside a sentence (after a word, an unknown-word mark, a comma or a
 * semicolon): the spa-eng transfer capitalises the word after an interjection or a capitalised
 * unknown word ("Thank you For choosing", "Golsling And Stone").
 */
const CAPITALISED_FUNCTION_WORD =
  /(?<=[\p{L}\p{N}\uFDD1,;] )(?:And|Or|But|Of|For|By|To|In|On|At|With|From|The|An|As|Than|Again)(?= )/gu;

/** A word the engine did not know, then a capitalised word it did. */
const CAPITALISED_AFTER_UNKNOWN = /(?<=\uFDD0([^\uFDD0\uFDD1]+)\uFDD1 )\p{Lu}(?=\p{Ll})/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const ONLY_SPACE = /^\s+$/;

/**
 * The words of `source` followed (after spaces only) by a lowercase word, and those followed by a
 * capitalised one, in one pass.
 */
function nextWordCase(source: string): { beforeLower: Set<string>; beforeUpper: Set<string> } {
  const beforeLower = new Set<string>();
  const beforeUpper = new Set<string>();
  let previous: { word: string; end: number } | undefined;
  for (const match of source.matchAll(WORD)) {
    const [word] = match;
    if (previous && ONLY_SPACE.test(source.slice(previous.end, match.index))) {
      const initial = word[0]!;
      if (initial !== initial.toUpperCase()) beforeLower.add(previous.word);
      else if (initial !== initial.toLowerCase()) beforeUpper.add(previous.word);
    }
    previous = { word, end: match.index + word.length };
  }
  return { beforeLower, beforeUpper };
}

/**
 * The spa-eng transfer capitalises the first word it translates after a capitalised unknown word
 * ("Hu ha invitado" → "Hu Has invited", "Siminoff ha declarado" → "Siminoff Has declared"): such a
 * word is lowercased when, in the source, the unknown word is only ever followed by a lowercase
 * word. A name in both ("Sveriges Radio") keeps its capital.
 */
function lowercaseAfterUnknown(text: string, source: string): string {
  if (!text.includes(UNKNOWN_END)) return text;
  const { beforeLower, beforeUpper } = nextWordCase(source);
  return text.replace(CAPITALISED_AFTER_UNKNOWN, (initial, unknown: string) =>
    beforeLower.has(unknown) && !beforeUpper.has(unknown) ? initial.toLowerCase() : initial,
  );
}

/** Two or more all-capital words opening the text, then a lowercase word. */
const SHOUTED_OPENING = /^(\p{Lu}{2,}(?: \p{Lu}{2,})+)(?= \p{Ll})/u;
const CAPITALS_OPENING = /^\P{L}*\p{Lu}{2,}/u;

/**
 * The spa-eng transfer writes a multiword preposition that opens a sentence in capitals ("Debido a
 * la lluvia" → "DUE TO the rain", "Según" → "ACCORDING TO"): such an opening is written as a
 * capitalised phrase unless the source itself opens in capitals. Anchored at the start, so one
 * attempt per segment.
 */
function unshoutOpening(text: string, source: string): string {
  if (CAPITALS_OPENING.test(source)) return text;
  return text.replace(SHOUTED_OPENING, (phrase) => `${phrase[0]}${phrase.slice(1).toLowerCase()}`);
}

/** Guillemets, with the one space French sets inside them, and a low opening mark's pair. */
const GUILLEMET = /«[ \u00A0\u202F]?|[ \u00A0\u202F]?»/g;
/** „ and what closes it (” in Romanian and Polish, “ in German); stops at the next „, so linear. */
const LOW_QUOTED = /„([^„“”]*)[“”]/g;

/**
 * English quotes with straight double quotation marks: French, Galician, Spanish and Romanian
 * quote with « » and „ ”, which their Apertium pairs carry through to the English.
 */
function englishQuotes(text: string): string {
  return text.replace(GUILLEMET, '"').replace(LOW_QUOTED, '"$1"');
}

/** Target text in the target language's typography; `source` is the masked source segment. */
export function finishTarget(masked: string, source: string, target: string): string {
  let text = masked;
  if (source.includes('\u2019') && !source.includes("'")) text = text.replace(/'/g, '\u2019');
  if (SPANISH.test(target)) text = openSpanishMarks(text);
  if (ENGLISH.test(target))
    text = englishQuotes(
      unshoutOpening(
        lowercaseAfterUnknown(
          text.replace(CAPITALISED_FUNCTION_WORD, (w) => w.toLowerCase()),
          source,
        ),
        source,
      ),
    );
  return text;
}
