/**
 * Whether dist/ is the compiled form of the current src/, and the build (tsc) that makes it so.
 * Node built-ins only: this runs before any dependency exists.
 */
import { existsSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BootstrapError } from './bootstrap-error.mjs';
import { runChild } from './run-child.mjs';

/** Written when tsc has succeeded, dated when it started: dist/ without it is not a finished build. */
export const BUILD_STAMP = path.join('dist', '.build-stamp');
/** Besides src/, what a build depends on: compiler options, and the lock that pins typescript and @types. */
const BUILD_INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/** Why dist/ cannot be run; undefined when it is newer than every input (or there is no src/ to build). */
export function buildProblem(root) {
  // An installed copy of bantin may ship dist/ alone.
  if (!existsSync(path.join(root, 'src'))) return undefined;
  const stamp = statOrUndefined(path.join(root, BUILD_STAMP));
  if (!stamp) return existsSync(path.join(root, 'dist')) ? 'dist/ is from a build that did not finish' : 'dist/ is missing';
  const newer = firstNewerInput(root, stamp.mtimeMs);
  return newer ? `dist/ is older than ${newer}` : undefined;
}

/**
 * The first input changed since the build started. Directories count too: a file deleted or renamed
 * changes its folder's time, and its compiled copy must go.
 */
function firstNewerInput(root, builtMs) {
  for (const name of BUILD_INPUTS) {
    if ((statOrUndefined(path.join(root, name))?.mtimeMs ?? 0) > builtMs) return name;
  }
  const folders = ['src'];
  while (folders.length > 0) {
    const folder = folders.pop();
    if (statSync(path.join(root, folder)).mtimeMs > builtMs) return `${folder}/`;
    for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) folders.push(relative);
      else if (statSync(path.join(root, relative)).mtimeMs > builtMs) return relative;
    }
  }
  return undefined;
}

function statOrUndefined(file) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A fresh dist/ from src/: what is left of an earlier build goes first, the stamp comes last.
 * `reason` is why the command needs a build; none for `npm run build`.
 */
export async function buildDist(root, reason, say) {
  say(`bantin: ${reason ? `${reason}; building it` : 'building dist/'} (tsc -p tsconfig.build.json)`);
  const startedSeconds = Date.now() / 1000;
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  const failure = await runTsc(root);
  if (failure) {
    throw new BootstrapError(`bantin: the build failed: ${failure}. Fix what tsc printed above, then run \`npm run build\` (or the command again).`);
  }
  const stamp = path.join(root, BUILD_STAMP);
  writeFileSync(stamp, 'dist/ is complete; see scripts/bootstrap/compiled-build.mjs\n');
  // Dated at the start, so a source saved while tsc ran still counts as newer than the build.
  utimesSync(stamp, startedSeconds, startedSeconds);
}

/** tsc's own report goes to stderr, keeping stdout for the command's output (`npm run ingest`'s summary). */
function runTsc(root) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  return runChild('tsc', process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
}
