// Language-identification benchmark on the development split: Parley's detector (without and with
// a 70 %-right profile-locale prior) against plain franc, franc restricted to the 28 languages and
// eld's large database restricted to them. Each detector runs in its own child process so its load
// time, heap and RSS are its own. Run: npm run bench:langid
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LANGID_LANGUAGES, lengthBucket, loadLangidDev, simulatedLocales } from './langid-data.js';

interface Answer {
  language: string;
  // Only Parley's detector says whether its answer is reliable.
  reliable?: boolean;
}
type Detect = (text: string, index: number) => Answer;

interface Detector {
  label: string;
  load: () => Promise<Detect>;
}

const ISO6393 = [
  'eng',
  'spa',
  'fra',
  'deu',
  'ita',
  'por',
  'nld',
  'swe',
  'dan',
  'nob',
  'fin',
  'pol',
  'ces',
  'rus',
  'ukr',
  'tur',
  'arb',
  'heb',
  'jpn',
  'cmn',
  'kor',
  'hin',
  'tha',
  'vie',
  'ind',
  'ell',
  'ron',
  'hun',
];

const samples = loadLangidDev();

async function loadParley(withPrior: boolean): Promise<Detect> {
  const { detectLanguage, warmUpDetector } = await import('@parley/shared/detect/index');
  warmUpDetector();
  const locales = simulatedLocales(samples);
  return (text, index) =>
    detectLanguage(text, withPrior ? { hints: { locale: locales[index] ?? 'und' } } : {});
}

async function loadFranc(restricted: boolean): Promise<Detect> {
  const { franc } = await import('franc');
  const { iso6393ToBcp47 } = await import('@parley/shared/languages');
  const options = restricted ? { only: ISO6393, minLength: 1 } : {};
  return (text) => ({ language: iso6393ToBcp47(franc(text, options)) ?? 'und' });
}

async function loadEldLarge(): Promise<Detect> {
  const { eld } = await import('eld/large');
  const detector = eld.newInstance();
  // eld names Norwegian Bokmål `no` and has Malay `ms` where the data has Indonesian `id`.
  detector.setLanguageSubset(
    LANGID_LANGUAGES.map((code) => ({ nb: 'no', id: 'ms' })[code] ?? code),
  );
  return (text) => {
    const { language } = detector.detect(text);
    return { language: { no: 'nb', ms: 'id' }[language] ?? (language || 'und') };
  };
}

const DETECTORS: Record<string, Detector> = {
  parley: { label: 'Parley detector, no prior', load: () => loadParley(false) },
  'parley-prior': {
    label: 'Parley detector, 70 %-right locale prior',
    load: () => loadParley(true),
  },
  franc: { label: 'franc 6.2, defaults', load: () => loadFranc(false) },
  'franc-only': { label: 'franc 6.2, only the 28, minLength 1', load: () => loadFranc(true) },
  'eld-large': { label: 'eld 2.1 large, restricted to the 28', load: loadEldLarge },
};

const COLUMNS = ['all', 'single_word', 'word_pair', 'sentence', '<20', '20-60', '>60'] as const;

interface Measurement {
  accuracy: Record<string, number>;
  // Share of answers flagged reliable, and accuracy among them (Parley only).
  reliableShare?: number;
  reliableAccuracy?: number;
  perSecond: number;
  loadMs: number;
  heapMb: number;
  rssMb: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

async function measure(name: string): Promise<Measurement> {
  const detector = DETECTORS[name];
  if (detector === undefined) throw new Error(`unknown detector ${name}`);
  collectGarbage();
  const before = process.memoryUsage();
  const loadStart = performance.now();
  const detect = await detector.load();
  const loadMs = performance.now() - loadStart;
  collectGarbage();
  const after = process.memoryUsage();

  const right: Record<string, [number, number]> = {};
  const reliable: [number, number] = [0, 0];
  let flagged = false;
  const runStart = performance.now();
  samples.forEach((sample, index) => {
    const answer = detect(sample.text, index);
    const correct = answer.language === sample.lang;
    if (answer.reliable !== undefined) flagged = true;
    if (answer.reliable === true) {
      reliable[0] += correct ? 1 : 0;
      reliable[1] += 1;
    }
    for (const column of ['all', sample.bucket, lengthBucket(sample.text)]) {
      const tally = (right[column] ??= [0, 0]);
      tally[0] += correct ? 1 : 0;
      tally[1] += 1;
    }
  });
  const runSeconds = (performance.now() - runStart) / 1000;
  return {
    accuracy: Object.fromEntries(
      Object.entries(right).map(([column, [ok, total]]) => [column, ok / total]),
    ),
    ...(flagged
      ? { reliableShare: reliable[1] / samples.length, reliableAccuracy: reliable[0] / reliable[1] }
      : {}),
    perSecond: samples.length / runSeconds,
    loadMs,
    heapMb: (after.heapUsed - before.heapUsed) / 1e6,
    rssMb: (after.rss - before.rss) / 1e6,
  };
}

function runChild(name: string): Measurement {
  const child = spawnSync(
    process.execPath,
    [
      '--conditions=source',
      '--import',
      'tsx',
      '--expose-gc',
      fileURLToPath(import.meta.url),
      '--detector',
      name,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

const detectorFlag = process.argv.indexOf('--detector');
if (detectorFlag >= 0) {
  console.log(JSON.stringify(await measure(process.argv[detectorFlag + 1] ?? '')));
} else {
  const header = [
    'detector',
    ...COLUMNS.map((c) => `${c} %`),
    'detections/s',
    'load ms',
    'heap Δ MB',
    'RSS Δ MB',
    'reliable: share % / accuracy %',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  // tsx transpiles and caches the detector's large data modules on first use: keep that out of the
  // load time by loading it once before measuring.
  runChild('parley');
  for (const [name, detector] of Object.entries(DETECTORS)) {
    const m = runChild(name);
    const reliability =
      m.reliableShare === undefined
        ? '–'
        : `${(m.reliableShare * 100).toFixed(1)} / ${((m.reliableAccuracy ?? 0) * 100).toFixed(1)}`;
    const cells = COLUMNS.map((column) => ((m.accuracy[column] ?? 0) * 100).toFixed(1));
    lines.push(
      `| ${detector.label} | ${cells.join(' | ')} | ${Math.round(m.perSecond)} | ${Math.round(m.loadMs)} | ${m.heapMb.toFixed(1)} | ${m.rssMb.toFixed(1)} | ${reliability} |`,
    );
  }
  console.log(
    `Language identification, ${samples.length} samples of the development split (28 languages)\n`,
  );
  console.log(lines.join('\n'));
}
