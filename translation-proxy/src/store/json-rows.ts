import type { Queryable } from './database.js';

/**
 * The rows of a JSON array parameter, as a table whose one column is `value`: many rows in one
 * statement whose text (and plan) is the same whatever their number, with no limit on bound
 * parameters. `value->>'field'` reads a field of a row on both databases.
 */
export const jsonRows = (db: Queryable): string =>
  db.dialect === 'postgres' ? 'json_array_elements(CAST(? AS JSON))' : 'json_each(?)';
