/**
 * Whether node_modules holds exactly what package-lock.json names, and `npm ci` when it does not.
 * Node built-ins only: this runs before any dependency exists.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BootstrapError } from './bootstrap-error.mjs';
import { runChild } from './run-child.mjs';

/** npm ci writes this copy of the lock last, once every package is in place (npm's "hidden lockfile"). */
const INSTALLED_LOCK = path.join('node_modules', '.package-lock.json');
const NPM_CI = ['ci', '--include=dev', '--no-audit', '--no-fund'];
const SHOWN_NPM_LINES = 20;
const KEPT_OUTPUT_CHARS = 64 * 1024;

/** Why node_modules cannot be trusted; undefined when it matches the lock (or there is no lock to match). */
export function dependencyProblem(root) {
  const lockFile = path.join(root, 'package-lock.json');
  // An installed copy of bantin ships no lock: npm put its dependencies where Node finds them.
  if (!existsSync(lockFile)) return undefined;
  if (!existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
  const installed = readJson(path.join(root, INSTALLED_LOCK));
  if (!installed) return `${INSTALLED_LOCK} is missing (an install that did not finish?)`;
  const locked = readJson(lockFile);
  if (!locked?.packages) return 'package-lock.json lists no packages';
  const differing = differingPackages(locked.packages, installed.packages ?? {});
  return differing.length ? `node_modules does not match package-lock.json (${describe(differing)})` : undefined;
}

/**
 * Packages whose installed entry differs from the locked one. The installed lock leaves out the
 * root entry and the optional packages this platform skipped (esbuild's builds for other systems),
 * so a locked package may be absent only when it is optional.
 */
export function differingPackages(locked, installed) {
  const differing = [];
  for (const [key, entry] of Object.entries(locked)) {
    if (key === '') continue;
    const have = installed[key];
    if (have ? !samePackage(entry, have) : !(entry.optional || entry.devOptional)) differing.push(key);
  }
  for (const key of Object.keys(installed)) if (key !== '' && !(key in locked)) differing.push(key);
  return differing;
}

function samePackage(a, b) {
  return a.version === b.version && a.resolved === b.resolved && a.integrity === b.integrity && a.link === b.link;
}

function describe(keys) {
  const names = keys.slice(0, 3).map((key) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));
  return keys.length > names.length ? `${names.join(', ')} and ${keys.length - names.length} more` : names.join(', ');
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `npm ci`, its output kept back unless it fails. On any failure node_modules is removed whole, so
 * neither the next run nor a tool started by hand meets a half-installed tree.
 */
export async function installDependencies(root, reason, say) {
  say(`bantin: ${reason}; running npm ci first`);
  // Gone before npm starts, so an install cut short is never taken for a finished one.
  rmSync(path.join(root, INSTALLED_LOCK), { force: true });
  const outcome = await runNpm(root, NPM_CI);
  const failure = outcome.failure ?? (dependencyProblem(root) && `npm ci finished, but ${dependencyProblem(root)}`);
  if (!failure) return;
  rmSync(path.join(root, 'node_modules'), { recursive: true, force: true });
  const shown = outcome.output.trimEnd().split('\n').slice(-SHOWN_NPM_LINES).filter(Boolean);
  throw new BootstrapError(
    [
      `bantin: ${failure}; node_modules was removed, so the next run installs afresh.`,
      ...(shown.length ? ['npm said (last lines):', ...shown.map((line) => `  ${line}`)] : []),
      `Run \`npm ci\` by hand in ${root} to see the whole error (it needs the npm registry, or a filled npm cache), then run the command again.`,
    ].join('\n'),
  );
}

/** Runs npm, passing on SIGINT and SIGTERM; resolves with its output and a failure in words, if any. */
async function runNpm(root, args) {
  let output = '';
  const keep = (chunk) => (output = (output + chunk.toString('utf8')).slice(-KEPT_OUTPUT_CHARS));
  const options = {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
    onChild: (child) => child.stdout.on('data', keep) && child.stderr.on('data', keep),
  };
  const notFound = (error) => (error.code === 'ENOENT' ? 'npm was not found on PATH' : error.message);
  const failure = await runChild('npm ci', 'npm', args, options, notFound);
  return { failure, output };
}
