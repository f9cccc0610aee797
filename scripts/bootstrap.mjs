#!/usr/bin/env node
/**
 * What `npm start`, `npm run ingest`, `npm test` and `npm run build` run first: on a fresh or outdated
 * clone it runs `npm ci` and builds dist/, then hands over in this same process, so a signal sent
 * to npm reaches the service itself. Node built-ins only: this runs before any dependency exists.
 * When all is in place it reads two lock files and the times of src/, and spawns nothing.
 *
 *   node scripts/bootstrap.mjs serve|ingest|preview [--config <path>]   the compiled service (dist/main.js)
 *   node scripts/bootstrap.mjs store-copy --from <store> --to <store>   a store copied between backends (dist/main.js)
 *   node scripts/bootstrap.mjs test [vitest arguments]          the test suite (scripts/run-tests.mjs)
 *   node scripts/bootstrap.mjs build                            a fresh dist/, even if it looks current
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BootstrapError } from './bootstrap/bootstrap-error.mjs';
import { withBootstrapLock } from './bootstrap/bootstrap-lock.mjs';
import { buildDist, buildProblem } from './bootstrap/compiled-build.mjs';
import { dependencyProblem, installDependencies } from './bootstrap/dependencies.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMMANDS = ['serve', 'ingest', 'preview', 'store-copy', 'test', 'build'];
const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

const say = (line) => process.stderr.write(`${line}\n`);

/** Makes the clone ready for `command`, then runs it with `args` in this process. */
export async function bootstrap(command, args) {
  if (!COMMANDS.includes(command)) throw new BootstrapError(`usage: bootstrap.mjs ${COMMANDS.join('|')} [arguments]`, EXIT_USAGE);
  requireNodeVersion();
  if (command === 'build') return withBootstrapLock(ROOT, say, () => makeReady({ forceBuild: true }));
  // The usual case, everything in place, takes no lock.
  if (dependencyProblem(ROOT) || buildProblem(ROOT)) await withBootstrapLock(ROOT, say, () => makeReady({ forceBuild: false }));
  if (command === 'test') return handOver(path.join(ROOT, 'scripts', 'run-tests.mjs'), args);
  // Stack traces of the compiled code name the TypeScript lines (tsc writes the maps).
  process.setSourceMapsEnabled(true);
  return handOver(path.join(ROOT, 'dist', 'main.js'), [command, ...args]);
}

/** Installs and builds what is missing, looking again: a command that waited for the lock may find it done. */
async function makeReady({ forceBuild }) {
  const missing = dependencyProblem(ROOT);
  if (missing) await installDependencies(ROOT, missing, say);
  const stale = forceBuild ? undefined : buildProblem(ROOT);
  if (forceBuild || stale) await buildDist(ROOT, stale, say);
}

/** Runs `script` as if node had been started on it with `args`. */
async function handOver(script, args) {
  process.argv = [process.argv[0], script, ...args];
  await import(pathToFileURL(script).href);
}

/** package.json's `engines.node` (">=20.11"), checked here since nothing later would say it plainly. */
function requireNodeVersion() {
  const { engines } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?/.exec(engines?.node ?? '');
  if (!wanted) return;
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = [Number(wanted[1]), Number(wanted[2] ?? 0)];
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  throw new BootstrapError(`bantin: needs Node ${needMajor}.${needMinor} or newer; this is Node ${process.versions.node}.`);
}

function isEntry() {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
}

if (isEntry()) {
  const [command, ...args] = process.argv.slice(2);
  bootstrap(command, args).catch((error) => {
    say(error instanceof BootstrapError ? error.message : `bantin: bootstrap failed: ${error?.stack ?? error}`);
    process.exitCode = error?.exitCode ?? EXIT_FAILURE;
  });
}
