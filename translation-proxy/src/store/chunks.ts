/**
 * Rows per statement: SQLite binds at most 32,766 parameters and PostgreSQL 65,535, and one
 * request can bring thousands of sentences (500 segments of many sentences each).
 */
const ROWS_PER_STATEMENT = 500;

/** The items in slices of at most one statement's rows (or of `size`). */
export function chunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}
