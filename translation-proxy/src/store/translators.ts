/**
 * Translator accounts (scrypt password hashes), the tenants and language pairs each may review,
 * and their login sessions (only a digest of the session id is stored). Whatever takes access
 * away (a new password, disabling, removing an assignment) ends the translator's sessions in the
 * same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from './database.js';

export interface Translator {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** Offboarded: cannot sign in; kept so that the jobs they edited still name them. */
  disabled: boolean;
}

interface TranslatorRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  disabled_at: number | string | null;
}

const translatorFrom = (row: TranslatorRow): Translator => ({
  id: row.id,
  email: row.email,
  name: row.name,
  passwordHash: row.password_hash,
  disabled: row.disabled_at !== null,
});

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
        disabled: false,
      };
      await db.execute(
        'INSERT INTO translators (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
        [translator.id, translator.email, translator.name, translator.passwordHash, Date.now()],
      );
      return translator;
    },

    async byEmail(email: string): Promise<Translator | undefined> {
      const [row] = await db.query<TranslatorRow>('SELECT * FROM translators WHERE email = ?', [
        email.toLowerCase(),
      ]);
      return row && translatorFrom(row);
    },

    async get(id: string): Promise<Translator | undefined> {
      const [row] = await db.query<TranslatorRow>('SELECT * FROM translators WHERE id = ?', [id]);
      return row && translatorFrom(row);
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

    /**
     * Replaces a hash made at an older cost, after the password verified against it; unless the
     * password was changed meanwhile. Sessions stay: the password is the same.
     */
    async rehashPassword(id: string, previousHash: string, passwordHash: string): Promise<void> {
      await db.execute(
        'UPDATE translators SET password_hash = ? WHERE id = ? AND password_hash = ?',
        [passwordHash, id, previousHash],
      );
    },

    /** Offboards (or, with `disabled` false, reinstates) a translator; disabling ends their sessions. */
    async setDisabled(id: string, disabled: boolean, now = Date.now()): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.execute('UPDATE translators SET disabled_at = ? WHERE id = ?', [
          disabled ? now : null,
          id,
        ]);
        if (disabled) await tx.execute('DELETE FROM sessions WHERE translator_id = ?', [id]);
      });
    },

    /**
     * Removes assignments: the given pairs in the given tenants; every pair of the given tenants
     * when `pairs` is omitted; the given pairs in every tenant when `tenantIds` is. Ends the
     * translator's sessions. Returns how many assignments were removed.
     */
    async unassign(
      translatorId: string,
      scope: {
        tenantIds?: readonly string[];
        pairs?: readonly { source: string; target: string }[];
      },
    ): Promise<number> {
      const tenantClauses = (scope.tenantIds ?? [undefined]).map((tenantId) =>
        tenantId === undefined
          ? { sql: '', params: [] }
          : { sql: ' AND tenant_id = ?', params: [tenantId] },
      );
      const pairClauses = (scope.pairs ?? [undefined]).map((pair) =>
        pair === undefined
          ? { sql: '', params: [] }
          : { sql: ' AND source_lang = ? AND target_lang = ?', params: [pair.source, pair.target] },
      );
      return db.transaction(async (tx) => {
        let removed = 0;
        for (const tenant of tenantClauses)
          for (const pair of pairClauses)
            removed += await tx.execute(
              `DELETE FROM translator_assignments WHERE translator_id = ?${tenant.sql}${pair.sql}`,
              [translatorId, ...tenant.params, ...pair.params],
            );
        await tx.execute('DELETE FROM sessions WHERE translator_id = ?', [translatorId]);
        return removed;
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
      // A disabled account's sessions are deleted when it is disabled; the join makes sure.
      const [row] = await db.query<{ translator_id: string; csrf_token: string }>(
        `SELECT s.translator_id, s.csrf_token FROM sessions s
           JOIN translators t ON t.id = s.translator_id
         WHERE s.id_hash = ? AND s.expires_at > ? AND t.disabled_at IS NULL`,
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
