/**
 * What an import tells its caller. A file that cannot be read at all (not well-formed, a DTD, the
 * wrong root) stops the import with an `AssetFormatError` naming the line; a unit, term entry or
 * row that is readable but unusable is skipped and reported, and the rest is imported.
 */
import { ASSET_LIMITS, type ImportReport, type SkippedItem } from '@parley/shared/api/assets';

/** A value from the file, as a report quotes it: short, and with control characters escaped. */
export const quoted = (value: string): string =>
  JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);

export type AssetFormatCode = 'invalid_tmx' | 'invalid_tbx' | 'invalid_csv';

export class AssetFormatError extends Error {
  override readonly name = 'AssetFormatError';
  constructor(
    readonly code: AssetFormatCode,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** Counts what was imported and keeps the first skips for the report. */
export function importTally() {
  let imported = 0;
  let skippedCount = 0;
  const skipped: SkippedItem[] = [];
  return {
    imported(count: number): void {
      imported += count;
    },
    skip(item: SkippedItem): void {
      skippedCount += 1;
      if (skipped.length < ASSET_LIMITS.maxReportedSkips) skipped.push(item);
    },
    report(): ImportReport {
      return { imported, skippedCount, skipped };
    },
    /** An import stopped by a bad file still says what it had written before the bad line. */
    stopped(error: AssetFormatError): AssetFormatError {
      return new AssetFormatError(
        error.code,
        error.line,
        `${error.reason} (${imported} written before this line; importing again is safe)`,
      );
    },
  };
}

export type ImportTally = ReturnType<typeof importTally>;
