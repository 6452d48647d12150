import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApertiumEngine, type ApertiumEngine } from '../engine.js';

const script = new URL('./build-lexicon.sh', import.meta.url).pathname;
let out: string;
let engine: ApertiumEngine;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'parley-lexicon-'));
  await promisify(execFile)('bash', [script, out]);
  engine = await createApertiumEngine({ parleyModesDir: join(out, 'modes') });
});

afterAll(async () => {
  await engine.close();
  await rm(out, { recursive: true, force: true });
});

async function enToEs(text: string): Promise<string> {
  const result = await engine.translate({ source: 'en', target: 'es', segments: [text] });
  return result.segments[0]!;
}

describe('the support-domain eng-spa build', () => {
  it('writes a mode that runs the extended dictionaries with weighted analysis', async () => {
    const mode = await readFile(join(out, 'modes', 'eng-spa.mode'), 'utf8');
    expect(mode).toContain(`lt-proc -L 1 '${out}/eng-spa/eng-spa.automorf.bin'`);
    expect(mode).toContain(`${out}/eng-spa/eng-spa.support.lrx.bin`);
    expect(mode).toContain(`${out}/eng-spa/eng-spa.autogen.bin`);
  });

  it('is the mode the engine uses for English to Spanish', () => {
    const mode = engine.modes().find((m) => m.source === 'en' && m.target === 'es');
    expect(mode?.modeFile).toBe(join(out, 'modes', 'eng-spa.mode'));
  });

  it('translates please, order and sorry the way support mail does', async () => {
    expect(await enToEs('Please check your order.')).toBe('Por favor comprobar tu pedido.');
    expect(await enToEs('Sorry for the delay.')).toBe('Disculpa por el retraso.');
  });

  it('knows support words the stock dictionary lacks', async () => {
    const out = await enToEs('The courier has your shipment and your refund is at checkout.');
    expect(out).toContain('mensajero');
    expect(out).toContain('envío');
    expect(out).not.toMatch(/courier|shipment|checkout/);
  });

  it('translates sign-offs and phrasal verbs as fixed support phrases', async () => {
    expect(await enToEs('Kind regards')).toBe('Saludos cordiales');
    expect(await enToEs('Please log in to your account.')).toContain('iniciar sesión');
  });

  it('still splits English contractions', async () => {
    expect(await enToEs("We're here.")).toBe('Somos aquí.');
  });
});
