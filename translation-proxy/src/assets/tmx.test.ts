// TMX 1.4b read and written: the specification's example layout, inline codes as placeholders,
// hostile and broken files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SkippedItem } from '@parley/shared/api/assets';
import { collect, inChunks } from '../../../tests/support/streams.js';
import { AssetFormatError } from './import-report.js';
import { formatTmxDate, parseTmxDate, readTmx, writeTmx, type TmxPair } from './tmx.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../tests/fixtures/assets/${name}`, import.meta.url), 'utf8');

async function read(
  content: string | Uint8Array,
  defaultSource?: string,
): Promise<{ pairs: TmxPair[]; skipped: SkippedItem[] }> {
  const pairs: TmxPair[] = [];
  const skipped: SkippedItem[] = [];
  await readTmx(inChunks(content), defaultSource, {
    pairs: async (ready) => {
      pairs.push(...ready);
    },
    skip: (item) => skipped.push(item),
  });
  return { pairs, skipped };
}

async function failure(content: string): Promise<AssetFormatError> {
  const error = await read(content).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AssetFormatError);
  return error as AssetFormatError;
}

const tmx = (body: string, header = 'srclang="en"') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" datatype="plaintext" ${header}/>\n<body>\n${body}\n</body>\n</tmx>\n`;

describe('reading TMX', () => {
  it('reads every language pair of the specification-style example with BCP 47 tags', async () => {
    const { pairs, skipped } = await read(fixture('spec-example.tmx'));
    expect(skipped).toEqual([]);
    expect(pairs.map((pair) => `${pair.sourceLang}→${pair.targetLang}`)).toEqual([
      'en→fr-CA',
      'en→fr-CA',
      'en→fr-FR',
      'en→de-DE',
      'en→ja',
      'en→es-419',
      'en→fr',
    ]);
  });

  it('keeps creation and change dates, a variant’s own before its unit’s, change as creation by default', async () => {
    const { pairs } = await read(fixture('spec-example.tmx'));
    expect(pairs[0]).toMatchObject({
      createdAt: Date.UTC(1997, 2, 9, 2, 11, 45),
      changedAt: Date.UTC(1997, 2, 14, 2, 34, 1),
    });
    expect(pairs[1]).toMatchObject({
      createdAt: Date.UTC(2002, 0, 2, 9),
      changedAt: Date.UTC(2002, 0, 2, 9),
    });
  });

  it('takes origin, engine and formality from Parley’s properties, human work by default', async () => {
    const { pairs } = await read(fixture('spec-example.tmx'));
    expect(pairs.find((pair) => pair.targetLang === 'es-419')).toMatchObject({
      origin: 'machine',
      engine: 'deepl',
      formality: 'default',
    });
    expect(pairs.find((pair) => pair.targetLang === 'fr')).toMatchObject({
      origin: 'human',
      engine: null,
      formality: 'more',
    });
    expect(pairs[0]).toMatchObject({ origin: 'human', engine: null });
  });

  it('maps bpt/ept and ph to placeholders paired by x, whatever their order in the target', async () => {
    const { pairs } = await read(fixture('spec-example.tmx'));
    const japanese = pairs.find((pair) => pair.targetLang === 'ja')!;
    expect(japanese.source).toBe(
      'Click <x id="1"/>Save<x id="2"/> to keep your order <x id="3"/>.',
    );
    expect(japanese.target).toBe(
      'ご注文 <x id="3"/> を保存するには <x id="1"/>保存<x id="2"/> をクリックしてください。',
    );
  });

  it('maps hi to a placeholder before and after its text, and drops the code inside ph and sub', async () => {
    const { pairs } = await read(fixture('spec-example.tmx'));
    expect(pairs.find((pair) => pair.targetLang === 'es-419')).toMatchObject({
      source: 'See the <x id="1"/>return policy<x id="2"/> and the picture<x id="3"/> below.',
      target:
        'Consulte la <x id="1"/>política de devoluciones<x id="2"/> y la imagen<x id="3"/> a continuación.',
    });
  });

  it('escapes text as the pipeline’s masked segments do', async () => {
    const { pairs } = await read(fixture('spec-example.tmx'));
    expect(pairs.at(-1)!.source).toBe('<x id="1"/>Thanks &amp; regards, 5 &lt; 6');
  });

  it('pairs codes without x by their order per element name', async () => {
    const { pairs } = await read(
      tmx(
        '<tu><tuv xml:lang="en"><seg>Hello <ph>{name}</ph>, see <ph>{link}</ph></seg></tuv><tuv xml:lang="pt-BR"><seg>Olá <ph>{name}</ph>, veja <ph>{link}</ph></seg></tuv></tu>',
      ),
    );
    expect(pairs[0]).toMatchObject({
      sourceLang: 'en',
      targetLang: 'pt-BR',
      target: 'Olá <x id="1"/>, veja <x id="2"/>',
    });
  });

  it('skips and reports a unit whose target codes do not pair with its source, keeping the rest', async () => {
    const { pairs, skipped } = await read(
      tmx(
        [
          '<tu><tuv xml:lang="en"><seg>Open <ph x="1">&lt;a&gt;</ph></seg></tuv><tuv xml:lang="es"><seg>Abrir <ph x="9">&lt;a&gt;</ph></seg></tuv></tu>',
          '<tu><tuv xml:lang="en"><seg>Close</seg></tuv><tuv xml:lang="es"><seg>Cerrar</seg></tuv></tu>',
        ].join('\n'),
      ),
    );
    expect(pairs.map((pair) => pair.target)).toEqual(['Cerrar']);
    expect(skipped).toEqual([
      {
        line: 5,
        code: 'inline_codes_mismatch',
        message: expect.stringContaining('do not pair one-to-one'),
      },
    ]);
  });

  it.each([
    [
      '<tu creationdate="2024-01-01"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>',
      'invalid_date',
    ],
    ['<tu><tuv xml:lang="en"><seg>a</seg></tuv></tu>', 'target_missing'],
    [
      '<tu><tuv xml:lang="de"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>',
      'source_missing',
    ],
    [
      '<tu><tuv xml:lang="en!"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>',
      'invalid_language',
    ],
    [
      '<tu><prop type="x-parley-origin">robot</prop><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>',
      'invalid_origin',
    ],
    [
      '<tu><tuv xml:lang="en"><seg>a <b>b</b></seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>',
      'unknown_inline_element',
    ],
    [
      `<tu><tuv xml:lang="en"><seg>${'a'.repeat(10_001)}</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>`,
      'segment_too_long',
    ],
  ])('skips a unit it cannot use with a stable code: %#', async (unit, code) => {
    const { pairs, skipped } = await read(tmx(unit));
    expect(pairs).toEqual([]);
    expect(skipped).toMatchObject([{ line: 5, code }]);
  });

  it('quotes a value from the file short in its report, whatever its length', async () => {
    const { skipped } = await read(
      tmx(
        `<tu creationdate="${'9'.repeat(100_000)}"><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>`,
      ),
    );
    expect(skipped[0]!.message).toBe(`creationdate "${'9'.repeat(40)}…" is not YYYYMMDDThhmmssZ`);
  });

  it('asks for a source language when the file names none', async () => {
    const unit =
      '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>';
    expect((await read(tmx(unit, 'srclang="*all*"'))).skipped).toMatchObject([
      { code: 'source_language_unknown' },
    ]);
    expect((await read(tmx(unit, 'srclang="*all*"'), 'es')).pairs).toMatchObject([
      { sourceLang: 'es', targetLang: 'en', source: 'b', target: 'a' },
    ]);
  });

  it('reads a UTF-16 file with a byte order mark', async () => {
    const text = tmx(
      '<tu><tuv xml:lang="en"><seg>Thank you</seg></tuv><tuv xml:lang="zh-Hans"><seg>谢谢</seg></tuv></tu>',
    ).replace('UTF-8', 'UTF-16');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect((await read(bytes)).pairs).toMatchObject([{ targetLang: 'zh-Hans', target: '谢谢' }]);
  });
});

describe('refusing hostile and broken TMX', () => {
  it('refuses an external entity (XXE) at the line of the DTD', async () => {
    const error = await failure(
      '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>',
    );
    expect(error).toMatchObject({ code: 'invalid_tmx', line: 4 });
    expect(error.message).toContain('document type declaration');
  });

  it('refuses nested entities (billion laughs) before expanding any', async () => {
    const entities = Array.from(
      { length: 9 },
      (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`,
    ).join('\n');
    const error = await failure(
      `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY lol0 "lol">\n${entities}\n]>\n<tmx version="1.4"><body><tu><tuv xml:lang="en"><seg>&lol9;</seg></tuv></tu></body></tmx>`,
    );
    expect(error).toMatchObject({ code: 'invalid_tmx' });
    expect(error.message).toContain('DTD');
  });

  it('refuses an entity no DTD declares', async () => {
    const error = await failure(tmx('<tu><tuv xml:lang="en"><seg>caf&eacute;</seg></tuv></tu>'));
    expect(error).toMatchObject({ code: 'invalid_tmx', line: 5 });
  });

  it('names the line of a tag left open', async () => {
    const error = await failure(
      tmx(
        '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="es"><seg>b</seg></tuv></tu>\n<tu>\n<tuv xml:lang="en"><seg>c</tuv></tu>',
      ),
    );
    expect(error).toMatchObject({ code: 'invalid_tmx', line: 7 });
  });

  it('refuses a document whose root is not tmx', async () => {
    const error = await failure('<?xml version="1.0"?>\n\n<xliff version="1.2"/>');
    expect(error).toMatchObject({ code: 'invalid_tmx', line: 3 });
    expect(error.message).toContain('"xliff", not tmx');
  });

  it('refuses a file that is not XML at all', async () => {
    expect(await failure('source,target\nhello,hola\n')).toMatchObject({
      code: 'invalid_tmx',
      line: 1,
    });
  });
});

describe('writing TMX', () => {
  const unit = {
    sourceLang: 'en',
    targetLang: 'de',
    formality: 'less' as const,
    source: 'Your parcel <x id="1"/> ships <x id="2"/>today<x id="3"/> &amp; arrives soon.',
    target: 'Dein Paket <x id="1"/> wird <x id="2"/>heute<x id="3"/> verschickt &amp; kommt bald.',
    origin: 'machine' as const,
    engine: 'apertium',
    createdAt: Date.UTC(2026, 10, 30, 6, 40, 47),
    changedAt: Date.UTC(2026, 10, 30, 7, 1, 2),
  };
  async function* units() {
    yield unit;
  }

  it('writes placeholders as ph with x, dates in TMX form and Parley’s properties', async () => {
    const text = await collect(writeTmx({ sourceLang: 'en', createdAt: unit.createdAt }, units()));
    expect(text).toContain('srclang="en"');
    expect(text).toContain(
      '<tu srclang="en" creationdate="20261130T064047Z" changedate="20261130T070102Z">',
    );
    expect(text).toContain('<prop type="x-parley-origin">machine</prop>');
    expect(text).toContain('<prop type="x-parley-engine">apertium</prop>');
    expect(text).toContain('<prop type="x-parley-formality">less</prop>');
    expect(text).toContain(
      '<seg>Your parcel <ph x="1"/> ships <ph x="2"/>today<ph x="3"/> &amp; arrives soon.</seg>',
    );
  });

  it('reads back what it writes', async () => {
    const text = await collect(writeTmx({ sourceLang: undefined, createdAt: 0 }, units()));
    expect(text).toContain('srclang="*all*"');
    expect((await read(text)).pairs).toEqual([unit]);
  });

  it('drops characters XML cannot carry rather than writing an unreadable file', async () => {
    async function* control() {
      yield { ...unit, source: 'bell\u0007 here', target: 'Glocke hier' };
    }
    const text = await collect(writeTmx({ sourceLang: 'en', createdAt: 0 }, control()));
    expect((await read(text)).pairs[0]!.source).toBe('bell here');
  });
});

describe('TMX dates', () => {
  it('reads and writes YYYYMMDDThhmmssZ in UTC', () => {
    expect(parseTmxDate('20020101T163812Z')).toBe(Date.UTC(2002, 0, 1, 16, 38, 12));
    expect(formatTmxDate(Date.UTC(2002, 0, 1, 16, 38, 12))).toBe('20020101T163812Z');
  });

  it.each(['20021301T000000Z', '20020230T000000Z', '2002-01-01T16:38:12Z', '20020101T163812'])(
    'refuses %s',
    (value) => expect(parseTmxDate(value)).toBeUndefined(),
  );
});
