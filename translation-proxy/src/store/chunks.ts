/**
 * Rows per statement: SQLite binds at most 32,766 parameters and PostgreSQL 65,535, and one
 * request can bring thousands of sentences (500 segments of many sentences each).
 */
const ROWS_PER_STATEMENT = 500;

/** The items in slices of at most one statement's rows. */
export function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += ROWS_PER_STATEMENT)
    result.push(items.slice(start, start + ROWS_PER_STATEMENT));
  return result;
}
