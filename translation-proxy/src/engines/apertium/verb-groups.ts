/**
 * Spanish verb groups the stock eng-spa transfer writes wrong, rewritten in one stage after its
 * postchunk, before the generator:
 *
 * - English "Can you confirm…?", "Could you please send me…?": the transfer gives "poder" the
 *   third person and the verb after it the person of "you", finite ("¿Puede confirmas…?",
 *   "¿Podría por favor meenvías…?"). Spanish puts an infinitive after "poder" and "deber", with its
 *   pronoun joined to it, and the person of "you" on the modal: "¿Puedes confirmar…?", "¿Podrías
 *   por favor enviarme…?". So "poder" or "deber" in the third person singular, an optional adverb,
 *   an optional proclitic pronoun and a verb in the present become the modal in the verb's number
 *   and person (second for "you", and for "me" after it: "Can you tell me…?"), and the verb's
 *   infinitive with the pronoun as an enclitic.
 * - English "was delivered", "were shipped": the transfer writes every "be" before a participle as
 *   "estar" ("I am scared" → "Estoy asustado"), which in the preterite reads as a state that lasted
 *   ("Tu paquete estuvo entregado") where English tells an event, the passive "fue entregado". So
 *   "estar" in the preterite before a participle becomes "ser".
 * - English "Have you received…?", "Has it arrived?": the tagger reads the opening "have" as the
 *   verb of possession and the participle as a past tense, which the transfer writes "¿Tiene
 *   recibiste…?". "tener" in the present right before a preterite, which Spanish never says,
 *   becomes "haber" in the preterite's person and number, and the preterite a participle: "¿Has
 *   recibido…?".
 *
 * The stage is GNU sed with null data (`-z`: one record per NUL-terminated message; `-u`: each
 * written at once). It sees the transferred stream, where a customer's own `^`, `<` and `$` are
 * escaped, so text cannot forge a match; the blanks between units are `[^^]*` and no other part
 * of the pattern matches across a `^` or `$`, so every attempt ends within four lexical units and
 * a message is rewritten in linear time.
 */
import { baseLanguage } from '@parley/shared/languages';
import { sedStage, withStageAfter, type PipelineStage } from './mode-file.js';

/** Whether the chain from `source` to `target` writes Spanish from English. */
export function needsVerbGroups(source: string, target: string): boolean {
  return baseLanguage(source) === 'en' && baseLanguage(target) === 'es';
}

/** A modal in the third person singular, then its blanks and an optional adverb (group 3). */
const MODAL =
  '\\^([Pp]oder|[Dd]eber)<vbmod><(pri|cni|pii|fti|ifi)><p3><sg>\\$([^^]*(\\^[^$^<]*<adv>\\$[^^]*)?)';
/** A verb in the present that "you" (or a pronoun after the modal) gave a person. */
const verb = (person: string): string => `\\^([^<$^#]+)<vblex><pri><${person}><(sg|pl)>\\$`;
const PRONOUN = '\\^prpers<prn><pro>(<[^$^]+>)\\$[^^]*';

const AS_INFINITIVE = [
  // "¿Puede me digo…?" → "¿Puedes decirme…?"
  `s/${MODAL}${PRONOUN}${verb('p[12]')}/^\\1<vbmod><\\2><p2><\\7>$\\3^\\6<vblex><inf>+prpers<prn><enc>\\5$/g`,
  // "¿Puede confirmas…?" → "¿Puedes confirmar…?"
  `s/${MODAL}${verb('p[12]')}/^\\1<vbmod><\\2><p2><\\6>$\\3^\\5<vblex><inf>$/g`,
  // "¿Puede lo envía?" → "¿Puede enviarlo?"
  `s/${MODAL}${PRONOUN}${verb('p3')}/^\\1<vbmod><\\2><p3><\\7>$\\3^\\6<vblex><inf>+prpers<prn><enc>\\5$/g`,
  `s/${MODAL}${verb('p3')}/^\\1<vbmod><\\2><p3><\\6>$\\3^\\5<vblex><inf>$/g`,
];

/** "estar" in the preterite: its person and number, then its blanks and a participle (group 3). */
const PRETERITE_ESTAR = '<vblex><ifi><(p[123])><(sg|pl)>\\$([^^]*\\^[^<$^#]+<vblex><pp>)';
const AS_PASSIVE = [
  `s/\\^estar${PRETERITE_ESTAR}/^ser<vbser><ifi><\\1><\\2>$\\3/g`,
  `s/\\^Estar${PRETERITE_ESTAR}/^Ser<vbser><ifi><\\1><\\2>$\\3/g`,
];

/** "tener" after its first letter, in the present, then its blanks and a preterite: its person and number (groups 3, 4). */
const TENER_PRETERITE =
  'ener<vblex><pri><p3><sg>\\$([^^]*)\\^([^<$^#]+)<vblex><ifi><(p[123])><(sg|pl)>\\$';
const AS_PERFECT = [
  `s/\\^T${TENER_PRETERITE}/^Haber<vbhaver><pri><\\3><\\4>$\\1^\\2<vblex><pp><m><sg>$/g`,
  `s/\\^t${TENER_PRETERITE}/^haber<vbhaver><pri><\\3><\\4>$\\1^\\2<vblex><pp><m><sg>$/g`,
];

const VERB_GROUPS_STAGE = sedStage([...AS_INFINITIVE, ...AS_PASSIVE, ...AS_PERFECT]);

/**
 * The chain with the verb-group stage after `apertium-postchunk`; `undefined` for a chain without
 * that stage (it then runs unchanged).
 */
export function withVerbGroups(stages: readonly PipelineStage[]): PipelineStage[] | undefined {
  return withStageAfter(stages, 'apertium-postchunk', VERB_GROUPS_STAGE);
}
