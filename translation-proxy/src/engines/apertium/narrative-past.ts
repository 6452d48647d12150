/**
 * French, Italian and Romanian tell the past in the compound tense (passé composé, passato
 * prossimo, perfectul compus: "il a dit", "ha detto", "a spus") where Spanish and English use the
 * simple past. Their Apertium pairs into Spanish keep the compound form ("ha dicho"), which the
 * Spanish leg of a bridge then reads as a present perfect ("has said"). On a bridge's second leg
 * from one of them, the Spanish chain gets one more stage after its pretransfer: the present of
 * `haber` followed by the past participle of a one-word verb becomes that verb's preterite, in the
 * same person and number, so "ha dicho" is read as "dijo" ("said"). Multiword verbs ("llevar a
 * cabo") keep the compound form: the stock dictionaries miss some of their preterites.
 *
 * Catalan is left out: its narrative past is the periphrastic "va dir", which its pair already
 * turns into "dijo", and its compound past is a real perfect.
 *
 * The stage is GNU sed with null data (`-z`: one record per NUL-terminated message; `-u`: each
 * written at once). It sees the analysed stream, where a customer's own `^`, `<` and `$` are
 * escaped, so text cannot forge a match; no part of the pattern matches across a `$`, so every
 * attempt ends within two lexical units and a message is rewritten in linear time.
 */
import { baseLanguage } from '@parley/shared/languages';
import { sedStage, withStageAfter, type PipelineStage } from './mode-file.js';

/** Languages (BCP 47 base) whose compound past is their narrative past. */
const COMPOUND_PAST_NARRATIVE = new Set(['fr', 'it', 'ro']);

/** Whether a leg from `source` should read Spanish compound pasts as preterites. */
export function needsNarrativePast(source: string, bridgedFrom: string | undefined): boolean {
  return (
    baseLanguage(source) === 'es' &&
    bridgedFrom !== undefined &&
    COMPOUND_PAST_NARRATIVE.has(baseLanguage(bridgedFrom))
  );
}

/**
 * `^haber<vbhaver><pri><p3><sg>$ ^decir<vblex><pp><m><sg>$` → `^decir<vblex><ifi><p3><sg>$`:
 * person and number from `haber`; the verb's type and its pronominal tag kept. A capitalised
 * `Haber` (the sentence's first word) passes its capital to the verb.
 */
const COMPOUND_PAST =
  '<vbhaver><pri><(p[123])><(sg|pl)>\\$ \\^([^<$^#]+)<(vblex|vbser|vbmod|vbhaver)>(<pron>)?<pp>(<[mf]+>)?(<(sg|pl|sp)>)?\\$';
const AS_PRETERITE = [
  `s/\\^haber${COMPOUND_PAST}/^\\3<\\4>\\5<ifi><\\1><\\2>$/g`,
  `s/\\^Haber${COMPOUND_PAST}/^\\u\\3<\\4>\\5<ifi><\\1><\\2>$/g`,
];

const NARRATIVE_PAST_STAGE = sedStage(AS_PRETERITE);

/**
 * The chain with the narrative-past stage after `apertium-pretransfer`; `undefined` for a chain
 * without that stage (it then runs unchanged).
 */
export function withNarrativePast(stages: readonly PipelineStage[]): PipelineStage[] | undefined {
  return withStageAfter(stages, 'apertium-pretransfer', NARRATIVE_PAST_STAGE);
}
