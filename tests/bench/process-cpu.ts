/**
 * CPU time used by processes, from Linux's /proc: what a request costs each process, which a
 * loaded machine changes far less than it changes throughput or latency.
 */
import { readFileSync } from 'node:fs';

/** Linux reports process times in USER_HZ ticks, 100 per second on every architecture. */
const MS_PER_TICK = 10;

/** User and system CPU time of one process in ms (0 once it is gone). */
function processCpuMs(pid: number): number {
  try {
    // Fields after the parenthesised command name: state is the 1st, utime the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return 0;
  }
}

/** The process's children (those its main thread started, as Node's are), then theirs. */
export function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(' ')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** CPU time the given processes use while `work` runs, in ms. */
export async function cpuDuring(
  pids: readonly number[],
  work: () => Promise<unknown>,
): Promise<number> {
  const total = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const before = total();
  await work();
  return total() - before;
}
