import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunkName, pageWeight, type BuiltFile } from './bundleBudget.js';

const chunk = (
  fileName: string,
  code: string,
  links: {
    isEntry?: boolean;
    facadeModuleId?: string;
    imports?: string[];
    dynamicImports?: string[];
    css?: string[];
  } = {},
): BuiltFile => ({
  type: 'chunk',
  fileName,
  code,
  isEntry: links.isEntry ?? false,
  facadeModuleId: links.facadeModuleId ?? null,
  imports: links.imports ?? [],
  dynamicImports: links.dynamicImports ?? [],
  viteMetadata: { importedCss: new Set(links.css ?? []) },
});
const asset = (fileName: string, source: string): BuiltFile => ({
  type: 'asset',
  fileName,
  source,
});

// A queue page whose editor loads lazily, and whose editor loads a search dialog lazily.
const output = [
  chunk('assets/index-AAAAAAAA.js', 'const queue = "Cola de traducción";', {
    isEntry: true,
    imports: ['assets/react-BBBBBBBB.js'],
    dynamicImports: ['assets/Editor-CCCCCCCC.js'],
    css: ['assets/index-DDDDDDDD.css'],
  }),
  chunk('assets/react-BBBBBBBB.js', 'export const render = () => "Übersetzung";'),
  chunk('assets/Editor-CCCCCCCC.js', 'export const editor = "Éditeur";', {
    imports: ['assets/react-BBBBBBBB.js', 'assets/shared-EEEEEEEE.js'],
    dynamicImports: ['assets/Search-FFFFFFFF.js'],
    css: ['assets/Editor-GGGGGGGG.css'],
  }),
  chunk('assets/shared-EEEEEEEE.js', 'export const label = "用語集";'),
  chunk('assets/Search-FFFFFFFF.js', 'export const search = "Konkordanz";', {
    imports: ['assets/shared-EEEEEEEE.js'],
  }),
  asset('assets/index-DDDDDDDD.css', '.queue{color:red}'),
  asset('assets/Editor-GGGGGGGG.css', '.editor{color:blue}'),
  asset('index.html', '<!doctype html>'),
];

describe('pageWeight', () => {
  it('counts the entry, what it imports statically and its CSS as the first load', () => {
    expect(pageWeight(output).initial.files.sort()).toEqual([
      'assets/index-AAAAAAAA.js',
      'assets/index-DDDDDDDD.css',
      'assets/react-BBBBBBBB.js',
    ]);
  });

  it('counts for a lazy chunk only what its importer and the first load have not brought', () => {
    const lazy = new Map(pageWeight(output).lazy.map((load) => [load.chunk, load.files.sort()]));
    expect(lazy).toEqual(
      new Map([
        [
          'assets/Editor-CCCCCCCC.js',
          ['assets/Editor-CCCCCCCC.js', 'assets/Editor-GGGGGGGG.css', 'assets/shared-EEEEEEEE.js'],
        ],
        ['assets/Search-FFFFFFFF.js', ['assets/Search-FFFFFFFF.js']],
      ]),
    );
  });

  it('weighs the first load as the sum of its files gzipped at level 9, in KiB', () => {
    const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
    const bytes =
      gzipped('const queue = "Cola de traducción";') +
      gzipped('export const render = () => "Übersetzung";') +
      gzipped('.queue{color:red}');
    expect(pageWeight(output).initial.gzipKiB).toBe(bytes / 1024);
  });
});

describe('pageWeight’s paths', () => {
  const gzipped = (text: string) => gzipSync(text, { level: 9 }).length / 1024;
  // Every JS and CSS file of the page, not its HTML.
  const pageFiles = output
    .filter((file) => file.fileName !== 'index.html')
    .map((file) => (file.type === 'chunk' ? file.code : String(file.source)));
  const sum = (texts: string[]) => texts.reduce((kib, text) => kib + gzipped(text), 0);

  it('weighs the path through every lazy chunk, a file two of them import counted once', () => {
    expect(pageWeight(output).paths).toEqual([{ gzipKiB: sum(pageFiles) }]);
  });

  // The same page, which also loads the visitor's language's strings when it starts.
  const german = 'export default {"queue":"Warteschlange der Antworten"}';
  const japanese = 'export default {"queue":"レビューを待っている返信の一覧です"}';
  const withLanguages = output.map((file) =>
    file.fileName === 'assets/index-AAAAAAAA.js' && file.type === 'chunk'
      ? {
          ...file,
          dynamicImports: [
            ...file.dynamicImports,
            'assets/de-HHHHHHHH.js',
            'assets/ja-IIIIIIII.js',
          ],
        }
      : file,
  );
  withLanguages.push(
    chunk('assets/de-HHHHHHHH.js', german, { facadeModuleId: '/app/i18n/locales/de.json' }),
    chunk('assets/ja-IIIIIIII.js', japanese, { facadeModuleId: '/app/i18n/locales/ja.json' }),
  );
  const isLocale = (moduleId: string) => moduleId.includes('/i18n/locales/');

  it('takes one language per path, one path with none, heaviest first', () => {
    // Japanese takes three bytes a character in UTF-8: its strings weigh the most.
    expect(pageWeight(withLanguages, { isAlternative: isLocale }).paths).toEqual([
      { alternative: 'assets/ja-IIIIIIII.js', gzipKiB: sum([...pageFiles, japanese]) },
      { alternative: 'assets/de-HHHHHHHH.js', gzipKiB: sum([...pageFiles, german]) },
      { gzipKiB: sum(pageFiles) },
    ]);
  });

  it('counts every language on the one path when none is told apart', () => {
    expect(pageWeight(withLanguages).paths).toEqual([
      { gzipKiB: sum([...pageFiles, german, japanese]) },
    ]);
  });
});

describe('chunkName', () => {
  it('drops the folder and the content hash, also a hash with a dash', () => {
    expect(chunkName('assets/jsx-runtime-BIUEfZIL.js')).toBe('jsx-runtime');
    expect(chunkName('assets/MatchDifference-Bp3fR-UM.js')).toBe('MatchDifference');
  });
});
