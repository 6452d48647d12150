/**
 * Typography Apertium's dictionaries do not handle, fixed around the engine: the typographic
 * apostrophe (’), which the English analyser does not know (`I’m`, `don’t` stayed untranslated),
 * Spanish opening question and exclamation marks, which the eng→spa transfer never writes, and
 * function words the spa→eng transfer capitalises inside a sentence.
 * Works on masked segments; placeholders hold no `’`, `?` or `!`, so they pass unchanged.
 */
import { withoutMarks } from '@parley/shared/pipeline/unknown-words';

/** Source text as the analysers expect it, without characters that would forge unknown-word marks. */
export function prepareSource(masked: string): string {
  return withoutMarks(masked).replace(/\u2019/g, "'");
}

const SPANISH = /^es(?:-|$)/i;
/** A sentence ending in ? or ! without an opening mark; it starts after . ! ? : ; or a line break. */
const UNOPENED = /(?<=^|[.!?:;]\s+|\n)([^.!?:;\n¿¡]*?[^\s.!?:;\n¿¡][^.!?:;\n¿¡]*?)([?!]+)/g;

function openSpanishMarks(text: string): string {
  return text.replace(UNOPENED, (_whole, sentence: string, marks: string) => {
    const opening = marks.startsWith('?') ? '¿' : '¡';
    // Keep spaces, placeholders and a quote that open the sentence outside the mark.
    const lead = /^(\s*(?:<x id="\d+"\s*\/>\s*)*["«“]?)/.exec(sentence)![0];
    return `${lead}${opening}${sentence.slice(lead.length)}${marks}`;
  });
}

const ENGLISH = /^en(?:-|$)/i;
/**
 * A capitalised function word inside a sentence (after a word, an unknown-word mark, a comma or a
 * semicolon): the spa-eng transfer capitalises the word after an interjection or a capitalised
 * unknown word ("Thank you For choosing", "Golsling And Stone").
 */
const CAPITALISED_FUNCTION_WORD =
  /(?<=[\p{L}\p{N}\uFDD1,;] )(?:And|Or|But|Of|For|By|To|In|On|At|With|From|The|An|As|Than|Again)(?= )/gu;

/** Target text in the target language's typography; `source` is the masked source segment. */
export function finishTarget(masked: string, source: string, target: string): string {
  let text = masked;
  if (source.includes('\u2019') && !source.includes("'")) text = text.replace(/'/g, '\u2019');
  if (SPANISH.test(target)) text = openSpanishMarks(text);
  if (ENGLISH.test(target)) text = text.replace(CAPITALISED_FUNCTION_WORD, (w) => w.toLowerCase());
  return text;
}
