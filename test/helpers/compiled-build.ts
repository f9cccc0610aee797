/**
 * dist/ as `npm test` leaves it (its bootstrap builds before vitest starts), built here when vitest
 * was started directly on changed sources. node_modules is never reinstalled under a running vitest:
 * a mismatch fails, naming `npm test`, which installs first.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { runProcess } from './child-process.ts';

/** How long a build may take on a loaded machine. */
export const BUILD_MS = 180_000;

export async function ensureCompiledBuild(): Promise<void> {
  const module = (name: string) => JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'bootstrap', name)).href);
  const check = `
    const root = ${JSON.stringify(REPO_ROOT)};
    const { dependencyProblem } = await import(${module('dependencies.mjs')});
    const { buildProblem, buildDist } = await import(${module('compiled-build.mjs')});
    const { withBootstrapLock } = await import(${module('bootstrap-lock.mjs')});
    const missing = dependencyProblem(root);
    if (missing) { console.error(missing + '; run npm test, which installs first'); process.exit(3); }
    // Test files run side by side: one builds, the others wait for it and find dist/ current.
    await withBootstrapLock(root, console.error, async () => {
      const stale = buildProblem(root);
      if (stale) await buildDist(root, stale, console.error);
    });`;
  const result = await runProcess(process.execPath, ['--input-type=module', '-e', check], { cwd: REPO_ROOT }, BUILD_MS);
  if (result.code !== 0) throw new Error(`dist/ could not be made ready:\n${result.stderr}`);
}
