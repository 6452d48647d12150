/**
 * A throw-away PostgreSQL cluster for the test run, from Debian's `postgresql` package (installed
 * by scripts/setup.sh). PostgreSQL refuses to run as root, so as root the server runs as the
 * `postgres` system user. Data lives in a temporary folder removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string {
  if (!existsSync(PG_ROOT))
    throw new Error('PostgreSQL is not installed: run `bash scripts/setup.sh --test`');
  const versions = readdirSync(PG_ROOT).sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no PostgreSQL version under ${PG_ROOT}`);
  return join(PG_ROOT, versions[0], 'bin');
}

export interface TestCluster {
  url: string;
  stop(): void;
}

export function startPostgres(port: number): TestCluster {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const dataDir = join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, command),
      asRoot ? ['-u', 'postgres', '--', join(bin, command), ...args] : args,
      {
        stdio: 'pipe',
      },
    );
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  run('initdb', ['-D', dataDir, '-U', 'parley', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    join(root, 'server.log'),
    '-o',
    `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ]);
  return {
    url: `postgres://parley@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', dataDir, '-m', 'fast', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
  return { uid, gid };
}
