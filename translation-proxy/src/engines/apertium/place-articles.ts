/**
 * Spanish puts the article before some countries ("el Japón", "la India"), and Italian, Portuguese
 * and French before nearly every country and region ("la Germania", "a Alemanha", "la France"),
 * which their pairs keep in Spanish ("la Alemania"); English names a country, a region, a continent
 * or a city without one ("the Germany", "the Japan": about 90 times in the Spanish of the six
 * bridges' FLORES dev text).
 * On the Spanish→English chain, one more stage after the pretransfer drops a singular definite
 * article before a one-word place name (`np.loc`). Names English says with "the" keep it:
 * multiword ones ("el Reino Unido", "el Oriente Medio"), plurals ("los Estados Unidos"), a name
 * that opens a longer one ("el Boston Marathon") and the rivers, seas, deserts and ranges listed
 * below.
 *
 * The stage is GNU sed with null data, like the narrative past's (`narrative-past.ts`): it sees
 * the analysed stream, where a customer's own `^`, `<` and `$` are escaped, so text cannot forge a
 * match; no part of a pattern matches across a `$`, so each attempt ends within two lexical units.
 */
import { baseLanguage } from '@parley/shared/languages';
import { sedStage, withStageAfter, type PipelineStage } from './mode-file.js';

/** Whether a chain from `source` to `target` should drop the article before place names. */
export function dropsPlaceArticles(source: string, target: string): boolean {
  return baseLanguage(source) === 'es' && baseLanguage(target) === 'en';
}

/** One-word place names English says with "the" (the Nile, the Mediterranean, the Sahara…). */
const NAMES_WITH_THE = [
  'Nilo',
  'Amazonas',
  'Amazonia',
  'Danubio',
  'Támesis',
  'Sena',
  'Rin',
  'Ganges',
  'Misisipi',
  'Éufrates',
  'Tigris',
  'Jordán',
  'Volga',
  'Mediterráneo',
  'Atlántico',
  'Pacífico',
  'Índico',
  'Caribe',
  'Báltico',
  'Adriático',
  'Egeo',
  'Ártico',
  'Antártico',
  'Bósforo',
  'Sahara',
  'Sáhara',
  'Himalaya',
  'Vaticano',
  'Congo',
  'Kremlin',
  'Pentágono',
  'Haya',
];

const ARTICLE = '\\^([Ee]l|[Ll]a)<det><def><([mf]+)><sg>\\$';
/**
 * Marks the article of a name that keeps it, drops every other one unless a capitalised word
 * follows the name (part of a longer one: "el Boston Marathon"), then removes the mark.
 */
const PLACE_ARTICLE_EXPRESSIONS = [
  `s/${ARTICLE}( \\^(${NAMES_WITH_THE.join('|')})<np><loc>)/^\\1<det><def><\\2><sg><with-the>$\\3/g`,
  `s/${ARTICLE} (\\^[^<^$ ]+<np><loc>[^$^]*\\$)( \\^\\*?[^*A-ZÁÉÍÓÚÑ]|[^ ]|$)/\\3\\4/g`,
  's/<sg><with-the>\\$/<sg>$/g',
];

const PLACE_ARTICLE_STAGE = sedStage(PLACE_ARTICLE_EXPRESSIONS);

/**
 * The chain with the place-article stage after `apertium-pretransfer`; `undefined` for a chain
 * without that stage (it then runs unchanged).
 */
export function withoutPlaceArticles(
  stages: readonly PipelineStage[],
): PipelineStage[] | undefined {
  return withStageAfter(stages, 'apertium-pretransfer', PLACE_ARTICLE_STAGE);
}
