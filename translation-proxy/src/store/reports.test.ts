// The managers' figures on SQLite and on PostgreSQL, from jobs taken through their life by the
// same repository calls the proxy makes, at known times; each expected figure is worked out by
// hand from those times.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyDraft as draft, replyHistory } from '../../../tests/support/reply-history.js';
import { storeBackends } from '../../../tests/support/stores.js';
import { openStore, type Store } from './index.js';
import { DAY_MS } from './reports.js';

const S = 1000;
const H = 3_600_000;
/** 2026-03-01 00:00 UTC: the first day of the range. */
const D = Date.UTC(2026, 2, 1);
const MARCH_1_TO_3 = { from: D, to: D + 3 * DAY_MS };

describe.each(storeBackends)('report figures on $name', (backend) => {
  let store: Store;
  let acme: string;
  let lucia: string;
  let marc: string;

  beforeAll(async () => {
    store = await openStore(await backend.location());
    const { create, posted, reviewed, rejected, fellBack } = replyHistory(store);
    acme = (await store.tenants.create({ name: 'Acme' })).id;
    const globex = (await store.tenants.create({ name: 'Globex' })).id;
    const account = (email: string, name: string) =>
      store.translators.create({ email, name, passwordHash: 'not used here' });
    lucia = (await account('lucia@translators.example', 'Lucía Ortega')).id;
    marc = (await account('marc@translators.example', 'Marc Dubois')).id;

    // Machine replies en→es, posted 2 s, 4 s and 9 s after the request; the third on March 2.
    await posted(
      await create(draft(acme, 'machine', 'es', 'apertium', null), D + H),
      D + H + 2 * S,
    );
    await posted(
      await create(draft(acme, 'machine', 'es', 'apertium', null), D + 2 * H),
      D + 2 * H + 4 * S,
    );
    const third = await create(draft(acme, 'machine', 'es', 'apertium', null), D + DAY_MS + H);
    await posted(third, D + DAY_MS + H + 9 * S);

    // Reviewed en→es: approved in time by Lucía (20 % changed), posted a minute later.
    const inTime = await create(draft(acme, 'review', 'es', 'apertium', D + 4 * H), D);
    await reviewed(inTime, lucia, D + H, D + 2 * H, 0.2);
    await posted(inTime, D + 2 * H + 60 * S);
    // Past due at 03:00, the agent alerted; Lucía approves it at 06:00 (40 % changed).
    const late = await create(draft(acme, 'review', 'es', 'apertium', D + 3 * H), D);
    await store.replyJobs.flag(late, D + 3 * H);
    await reviewed(late, lucia, D + 5 * H, D + 6 * H, 0.4);
    await posted(late, D + 6 * H + 30 * S);
    // Nobody took it: the machine translation is posted at its due time, March 2, 02:00.
    const unreviewed = await create(
      draft(acme, 'review', 'es', 'apertium', D + DAY_MS + 2 * H),
      D + DAY_MS,
    );
    await fellBack(unreviewed, D + DAY_MS + 2 * H);
    await posted(unreviewed, D + DAY_MS + 2 * H + 10 * S);

    // en→fr through DeepL on March 3: Marc approves one (10 % changed) and rejects another.
    const french = await create(
      draft(acme, 'review', 'fr', 'deepl', D + 2 * DAY_MS + 4 * H),
      D + 2 * DAY_MS,
    );
    await reviewed(french, marc, D + 2 * DAY_MS + H, D + 2 * DAY_MS + 1.5 * H, 0.1);
    await posted(french, D + 2 * DAY_MS + 2 * H);
    const refused = await create(
      draft(acme, 'review', 'fr', 'deepl', D + 2 * DAY_MS + 4 * H),
      D + 2 * DAY_MS,
    );
    await rejected(refused, marc, D + 2 * DAY_MS + H, D + 2 * DAY_MS + 2 * H);

    // Outside the range: Lucía's approval of February 28 (90 % changed), a reply of March 4.
    const before = await create(draft(acme, 'review', 'es', 'apertium', D), D - 5 * H);
    await reviewed(before, lucia, D - 4 * H, D - 3 * H, 0.9);
    await posted(before, D - 2 * H);
    await posted(
      await create(draft(acme, 'machine', 'es', 'apertium', null), D + 3 * DAY_MS),
      D + 3 * DAY_MS + S,
    );
    // Another tenant's reply inside the range.
    await posted(await create(draft(globex, 'machine', 'es', 'apertium', null), D + H), D + H + S);
  });
  afterAll(() => store.close());

  it('counts replies per UTC day of posting, by pair and mode', async () => {
    expect(await store.reports.repliesPerDay(acme, MARCH_1_TO_3)).toEqual([
      { day: '2026-03-01', source: 'en', target: 'es', mode: 'machine', replies: 2 },
      { day: '2026-03-01', source: 'en', target: 'es', mode: 'review', replies: 2 },
      { day: '2026-03-02', source: 'en', target: 'es', mode: 'machine', replies: 1 },
      { day: '2026-03-02', source: 'en', target: 'es', mode: 'review', replies: 1 },
      { day: '2026-03-03', source: 'en', target: 'fr', mode: 'review', replies: 1 },
    ]);
  });

  it('takes the middle time to post, or the mean of the two middle ones', async () => {
    // en→es machine: 2, 4, 9 s → 4 s. en→es review: 2 h 10 s, 2 h 1 min, 6 h 30 s → 2 h 1 min.
    expect(await store.reports.timeToPost(acme, MARCH_1_TO_3)).toEqual([
      { source: 'en', target: 'es', mode: 'machine', replies: 3, medianSeconds: 4 },
      { source: 'en', target: 'es', mode: 'review', replies: 3, medianSeconds: 2 * 3600 + 60 },
      { source: 'en', target: 'fr', mode: 'review', replies: 1, medianSeconds: 2 * 3600 },
    ]);
    // March 1 alone: 2 s and 4 s → 3 s; 2 h 1 min and 6 h 30 s → 4 h 45 s.
    const march1 = await store.reports.timeToPost(acme, { from: D, to: D + DAY_MS });
    expect(march1.map((row) => row.medianSeconds)).toEqual([
      3,
      (2 * 3600 + 60 + 6 * 3600 + 30) / 2,
    ]);
  });

  it('tells reviews approved in time from late ones, fallbacks and alerts', async () => {
    expect(await store.reports.sla(acme, MARCH_1_TO_3)).toEqual([
      { source: 'en', target: 'es', met: 1, late: 1, fallbacks: 1, flagged: 1 },
      { source: 'en', target: 'fr', met: 1, late: 0, fallbacks: 0, flagged: 0 },
    ]);
  });

  it('averages the share translators changed per pair and engine, in the range or ever', async () => {
    const inRange = await store.reports.editShare(acme, MARCH_1_TO_3);
    expect(inRange.map(({ meanEditRatio, ...rest }) => ({ ...rest, mean: meanEditRatio }))).toEqual(
      [
        {
          source: 'en',
          target: 'es',
          engine: 'apertium',
          jobs: 2,
          mean: expect.closeTo((0.2 + 0.4) / 2, 9),
        },
        { source: 'en', target: 'fr', engine: 'deepl', jobs: 1, mean: expect.closeTo(0.1, 9) },
      ],
    );
    // `npm run helpdesk -- quality` asks with no range: February's approval counts too.
    const ever = await store.reports.editShare(acme);
    expect(ever[0]).toMatchObject({
      jobs: 3,
      meanEditRatio: expect.closeTo((0.2 + 0.4 + 0.9) / 3, 9),
    });
  });

  it('counts each translator’s approvals and rejections', async () => {
    expect(await store.reports.translatorThroughput(acme, MARCH_1_TO_3)).toEqual([
      {
        id: lucia,
        name: 'Lucía Ortega',
        approved: 2,
        rejected: 0,
        meanEditRatio: expect.closeTo(0.3, 9),
      },
      {
        id: marc,
        name: 'Marc Dubois',
        approved: 1,
        rejected: 1,
        meanEditRatio: expect.closeTo(0.1, 9),
      },
    ]);
  });

  it('has nothing to show for days without activity', async () => {
    const april = { from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 3, 8) };
    expect(await store.reports.repliesPerDay(acme, april)).toEqual([]);
    expect(await store.reports.timeToPost(acme, april)).toEqual([]);
    expect(await store.reports.sla(acme, april)).toEqual([]);
    expect(await store.reports.editShare(acme, april)).toEqual([]);
    expect(await store.reports.translatorThroughput(acme, april)).toEqual([]);
  });
});
