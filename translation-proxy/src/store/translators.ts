/**
 * Translator accounts (scrypt password hashes), the tenants and language pairs each may review,
 * and their login sessions (only a digest of the session id is stored).
 */
import { randomUUID } from 'node:crypto';
import type { Database } from './database.js';

export interface Translator {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
}

export interface TranslatorAssignments {
  tenants: { id: string; name: string }[];
  pairs: { source: string; target: string }[];
}

export function translatorRepository(db: Database) {
  return {
    async create(input: { email: string; name: string; passwordHash: string }) {
      const translator: Translator = {
        id: randomUUID(),
        ...input,
        email: input.email.toLowerCase(),
      };
      await db.execute(
        'INSERT INTO translators (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        [translator.id, translator.email, translator.name, translator.passwordHash, Date.now()],
      );
      return translator;
    },

    async byEmail(email: string): Promise<Translator | undefined> {
      const [row] = await db.query<{
        id: string;
        email: string;
        name: string;
        password_hash: string;
      }>('SELECT * FROM translators WHERE email = ?', [email.toLowerCase()]);
      return (
        row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash }
      );
    },

    async get(id: string): Promise<Translator | undefined> {
      const [row] = await db.query<{
        id: string;
        email: string;
        name: string;
        password_hash: string;
      }>('SELECT * FROM translators WHERE id = ?', [id]);
      return (
        row && { id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash }
      );
    },

    /** Replaces the password and ends every session signed in with the old one, in one go. */
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute('UPDATE translators SET password_hash = ? WHERE id = ?', [
          passwordHash,
          id,
        ]);
        await tx.execute('DELETE FROM sessions WHERE translator_id = ?', [id]);
      });
    },

    /** Lets the translator review every given pair in every given tenant. */
    async assign(
      translatorId: string,
      tenantIds: readonly string[],
      pairs: readonly { source: string; target: string }[],
    ): Promise<void> {
      for (const tenantId of tenantIds)
        for (const pair of pairs)
          await db.execute(
            `INSERT INTO translator_assignments (translator_id, tenant_id, source_lang, target_lang)
             VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            [translatorId, tenantId, pair.source, pair.target],
          );
    },

    async assignments(translatorId: string): Promise<TranslatorAssignments> {
      const rows = await db.query<{
        tenant_id: string;
        name: string;
        source_lang: string;
        target_lang: string;
      }>(
        `SELECT a.tenant_id, t.name, a.source_lang, a.target_lang FROM translator_assignments a
           JOIN tenants t ON t.id = a.tenant_id WHERE a.translator_id = ?
         ORDER BY t.name, a.source_lang, a.target_lang`,
        [translatorId],
      );
      const tenants = new Map<string, string>();
      const pairs = new Map<string, { source: string; target: string }>();
      for (const row of rows) {
        tenants.set(row.tenant_id, row.name);
        pairs.set(`${row.source_lang}>${row.target_lang}`, {
          source: row.source_lang,
          target: row.target_lang,
        });
      }
      return {
        tenants: [...tenants].map(([id, name]) => ({ id, name })),
        pairs: [...pairs.values()],
      };
    },

    async mayReview(translatorId: string, tenantId: string, source: string, target: string) {
      const rows = await db.query(
        `SELECT 1 AS ok FROM translator_assignments
         WHERE translator_id = ? AND tenant_id = ? AND source_lang = ? AND target_lang = ?`,
        [translatorId, tenantId, source, target],
      );
      return rows.length > 0;
    },

    async createSession(
      idHash: string,
      translatorId: string,
      csrfToken: string,
      expiresAt: number,
    ) {
      await db.execute(
        'INSERT INTO sessions (id_hash, translator_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
        [idHash, translatorId, csrfToken, Date.now(), expiresAt],
      );
    },

    async session(idHash: string, now = Date.now()) {
      const [row] = await db.query<{ translator_id: string; csrf_token: string }>(
        'SELECT translator_id, csrf_token FROM sessions WHERE id_hash = ? AND expires_at > ?',
        [idHash, now],
      );
      return row && { translatorId: row.translator_id, csrfToken: row.csrf_token };
    },

    async deleteSession(idHash: string): Promise<void> {
      await db.execute('DELETE FROM sessions WHERE id_hash = ?', [idHash]);
    },

    /** Drops sessions past their expiry (they no longer sign anyone in, but would pile up). */
    async purgeExpiredSessions(now = Date.now()): Promise<void> {
      await db.execute('DELETE FROM sessions WHERE expires_at <= ?', [now]);
    },
  };
}

export type TranslatorRepository = ReturnType<typeof translatorRepository>;
