import { describe, expect, it } from 'vitest';
import { languagePairs } from './languagePairs.js';

// A slice of what the embedded Apertium engine serves (`GET /v1/languages`).
const APERTIUM = languagePairs({
  pairs: [
    { source: 'es', target: 'en-US', engines: ['apertium'] },
    { source: 'es', target: 'en', engines: ['apertium'] },
    { source: 'en', target: 'es', engines: ['apertium'] },
    { source: 'en', target: 'pt-BR', engines: ['apertium'], via: 'es' },
    { source: 'pt', target: 'en', engines: ['apertium'], via: 'es' },
    { source: 'ro', target: 'en', engines: ['apertium'], via: 'es' },
  ],
});

describe('languagePairs', () => {
  it('serves a pair whatever regional variant the agent or the engine names', () => {
    expect(APERTIUM.serves('es', 'en-GB')).toBe(true);
    expect(APERTIUM.serves('en-US', 'pt-PT')).toBe(true);
    expect(APERTIUM.serves('de', 'en')).toBe(false);
    expect(APERTIUM.serves('en', 'ro')).toBe(false);
  });

  it('counts a language as translatable only when both the thread and the reply are served', () => {
    expect([...APERTIUM.translatableWith('en')].sort()).toEqual(['es', 'pt']);
  });
});
