/**
 * The store: one database connection (SQLite by default, PostgreSQL when `DATABASE_URL` is a
 * postgres URL) and the repositories over it, migrated on open.
 */
import { join } from 'node:path';
import type { Database } from './database.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import { openSqlite } from './sqlite.js';
import { apiKeyRepository } from './api-keys.js';
import { engineSettingsRepository } from './engine-settings.js';
import { glossaryRepository } from './glossary.js';
import { managerRepository } from './managers.js';
import { identitySettingsRepository } from './identity-settings.js';
import { jobDraftRepository } from './job-drafts.js';
import { memoryRepository } from './memory.js';
import { memoryIndexRepository } from './memory-index.js';
import { memoryConcordanceRepository } from './memory-concordance.js';
import { outboxRepository } from './outbox.js';
import { personalDataPolicyRepository } from './personal-data-policy.js';
import { rateLimitRepository } from './rate-limits.js';
import { replyContextRepository } from './reply-contexts.js';
import { replyJobRepository } from './reply-jobs.js';
import { replyQueueRepository } from './reply-queue.js';
import { reportRepository } from './reports.js';
import { replySettingsRepository } from './reply-settings.js';
import { helpdeskConnectionsRepository } from './helpdesk-connections.js';
import { tenantRepository } from './tenants.js';
import { translatorRepository } from './translators.js';
import { usageRepository } from './usage.js';

export interface StoreLocation {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

export function sqliteFile(dataDir: string): string {
  return join(dataDir, 'parley.sqlite');
}

export async function openStore(location: StoreLocation) {
  const url = location.databaseUrl;
  const db: Database =
    url && /^postgres(ql)?:\/\//.test(url)
      ? openPostgres(url)
      : openSqlite(sqliteFile(location.dataDir));
  await migrate(db);
  return {
    db,
    tenants: tenantRepository(db),
    apiKeys: apiKeyRepository(db),
    memory: memoryRepository(db),
    memoryIndex: memoryIndexRepository(db),
    concordance: memoryConcordanceRepository(db),
    glossary: glossaryRepository(db),
    usage: usageRepository(db),
    engineSettings: engineSettingsRepository(db),
    replyJobs: replyJobRepository(db),
    replyQueue: replyQueueRepository(db),
    outbox: outboxRepository(db),
    translators: translatorRepository(db),
    managers: managerRepository(db),
    reports: reportRepository(db),
    replySettings: replySettingsRepository(db),
    helpdeskConnections: helpdeskConnectionsRepository(db),
    identity: identitySettingsRepository(db),
    personalData: personalDataPolicyRepository(db),
    rateLimits: rateLimitRepository(db),
    replyContexts: replyContextRepository(db),
    jobDrafts: jobDraftRepository(db),
    close: () => db.close(),
  };
}

export type Store = Awaited<ReturnType<typeof openStore>>;
