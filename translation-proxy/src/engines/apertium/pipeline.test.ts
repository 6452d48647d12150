import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineError } from '../engine.js';
import { ApertiumPipeline } from './pipeline.js';

const ENG_SPA = '/usr/share/apertium/modes/eng-spa.mode';
const open: ApertiumPipeline[] = [];

async function pipeline(options: { timeoutMs?: number } = {}): Promise<ApertiumPipeline> {
  const created = await ApertiumPipeline.fromModeFile(ENG_SPA, options);
  open.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ApertiumPipeline', () => {
  it('answers each null-flushed message with its own translation, in order', async () => {
    const p = await pipeline();
    const replies = await Promise.all([
      p.process('The house is big.'),
      p.process('I have a dog.'),
      p.process('Thank you very much.'),
    ]);
    expect(replies.map((reply) => reply.replace(/\[\]$/, '').trim())).toEqual([
      'La casa es grande.',
      'Tengo un perro.',
      'Muchas gracias.',
    ]);
  });

  it('keeps one set of processes warm across messages', async () => {
    const p = await pipeline();
    await p.process('Good morning.');
    const pids = p.pids;
    await p.process('Good night.');
    expect(p.pids).toEqual(pids);
    expect(pids.length).toBeGreaterThan(5);
  });

  it('fails every pending message with engine_unavailable once a stage dies mid-flight', async () => {
    const p = await pipeline();
    await p.process('Hello.');
    const pids = p.pids;
    // Stop the first stage from reading so nothing can come out before the kill.
    process.kill(pids[0]!, 'SIGSTOP');
    const pending = Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => p.process(`Message number ${i}.`)),
    );
    process.kill(pids[pids.length - 1]!, 'SIGKILL');
    const results = await pending;
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    for (const result of results) {
      const reason: unknown = result.status === 'rejected' ? result.reason : null;
      expect(reason).toBeInstanceOf(EngineError);
      expect(reason).toMatchObject({ code: 'engine_unavailable' });
    }
    await vi.waitFor(() => expect(pids.some(isAlive)).toBe(false));
    expect(await p.process('I have a dog.')).toContain('Tengo un perro.');
  });

  it('times out a chain that stops answering, kills it and serves the next message', async () => {
    const p = await pipeline({ timeoutMs: 500 });
    await p.process('Hello.');
    const pids = p.pids;
    process.kill(pids[3]!, 'SIGSTOP');
    const stalled = p.process('This will not come back.');
    await expect(stalled).rejects.toMatchObject({ code: 'engine_timeout' });
    await vi.waitFor(() => expect(pids.some(isAlive)).toBe(false));
    expect(await p.process('The house is big.')).toContain('La casa es grande.');
  });

  it('reports a program that cannot be started as engine_unavailable', async () => {
    const p = new ApertiumPipeline({ name: 'missing', stages: [['parley-no-such-apertium-tool']] });
    open.push(p);
    await expect(p.process('Hello.')).rejects.toMatchObject({ code: 'engine_unavailable' });
  });

  it('refuses messages after close and leaves no process behind', async () => {
    const p = await pipeline();
    await p.process('Hello.');
    const pids = p.pids;
    await p.close();
    expect(pids.some(isAlive)).toBe(false);
    await expect(p.process('Hello again.')).rejects.toMatchObject({ code: 'engine_unavailable' });
  });
});
