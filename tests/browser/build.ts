/** Builds apps/dist as it ships (buildApps.ts forces the production build) before a browser test runs. */
import { execFileSync } from 'node:child_process';

// Keeps two test files from building apps/dist at the same time.
const BUILD_LOCK = '/tmp/parley-apps-build.lock';

export function buildApps(): void {
  execFileSync(
    'flock',
    [BUILD_LOCK, process.execPath, '--import', 'tsx', 'apps/build/buildApps.ts'],
    {
      stdio: 'pipe',
    },
  );
}
