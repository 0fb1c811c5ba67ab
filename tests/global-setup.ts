/**
 * Builds the package into dist/ once, before any test file runs: the package, editor and concurrency tests load
 * it by name (its `exports` point into dist/). Building once here, not in each file's `beforeAll`, means no test
 * reads dist/ while another rewrites it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
}
