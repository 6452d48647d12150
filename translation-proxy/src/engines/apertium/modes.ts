/**
 * Finds the installed Apertium translation modes and names them as BCP 47 language pairs
 * (`eng-spa` → en→es, `es-pt_BR` → es→pt-BR). Variants that have no clean BCP 47 name
 * (Valencian orthographies, `eco-*` experiments, IEC 2017 spelling) are left out.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ApertiumMode {
  /** BCP 47 source language. */
  source: string;
  /** BCP 47 target language. */
  target: string;
  /** Apertium mode name, e.g. `eng-spa`. */
  mode: string;
  /** Absolute path of the `.mode` file. */
  modeFile: string;
}

/** ISO 639-3 codes Apertium uses, mapped to their BCP 47 (ISO 639-1) form. */
const THREE_LETTER_CODES: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  cat: 'ca',
  ita: 'it',
  fra: 'fr',
  por: 'pt',
  glg: 'gl',
  ron: 'ro',
  oci: 'oc',
  eus: 'eu',
  deu: 'de',
  nld: 'nl',
};

/** `eng`, `en`, `pt_BR`, `eng_US` → BCP 47; anything else (`cat_valencia`) → null. */
export function toBcp47(apertiumCode: string): string | null {
  const match = /^([a-z]{2,3})(?:_([A-Z]{2}))?$/.exec(apertiumCode);
  if (!match) return null;
  const [, language, region] = match;
  const base = language!.length === 3 ? THREE_LETTER_CODES[language!] : language;
  if (!base) return null;
  return region ? `${base}-${region}` : base;
}

/** Maps one mode name to its pair, or null when it is not a plain translation mode. */
export function modeToPair(mode: string): { source: string; target: string } | null {
  const parts = mode.split('-');
  if (parts.length !== 2) return null;
  const source = toBcp47(parts[0]!);
  const target = toBcp47(parts[1]!);
  if (!source || !target || source === target) return null;
  return { source, target };
}

/** Lists the translation modes in `modesDir`, one per language pair, sorted by mode name. */
export async function discoverApertiumPairs(
  modesDir = '/usr/share/apertium/modes',
): Promise<ApertiumMode[]> {
  let files: string[];
  try {
    files = await readdir(modesDir);
  } catch {
    return [];
  }
  const byPair = new Map<string, ApertiumMode>();
  for (const file of files.filter((name) => name.endsWith('.mode')).sort()) {
    const mode = file.slice(0, -'.mode'.length);
    const pair = modeToPair(mode);
    if (!pair) continue;
    const key = `${pair.source}>${pair.target}`;
    // Two spellings of one pair (`spa-eng` and `es-en`) cannot both be installed in practice;
    // the first in sorted order wins so the choice is stable.
    if (!byPair.has(key)) byPair.set(key, { ...pair, mode, modeFile: join(modesDir, file) });
  }
  return [...byPair.values()];
}
