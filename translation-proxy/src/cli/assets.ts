/**
 * The file side of the asset commands of `npm run tenant`: an import reads a file or standard
 * input as a stream, an export writes to standard output as it goes (redirect it to a file), and
 * an import's report is printed a line per skipped unit.
 */
import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportReport } from '@parley/shared/api/assets';

/** The file at `path`, or standard input for `-`; undefined when there is no such file. */
export function inputFile(path: string): AsyncIterable<Uint8Array> | undefined {
  if (path === '-') return process.stdin;
  return existsSync(path) ? createReadStream(path) : undefined;
}

export async function writeToStdout(
  pieces: AsyncIterable<string> | Iterable<string>,
): Promise<void> {
  await pipeline(Readable.from(pieces), process.stdout, { end: false });
}

export function describeReport(report: ImportReport, what: string): string {
  return [
    `imported ${report.imported} ${what}, skipped ${report.skippedCount}`,
    ...report.skipped.map((item) => `  line ${item.line}: ${item.code}: ${item.message}`),
    ...(report.skippedCount > report.skipped.length
      ? [`  … and ${report.skippedCount - report.skipped.length} more`]
      : []),
  ].join('\n');
}
