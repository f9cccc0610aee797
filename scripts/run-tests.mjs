/**
 * `npm test` (after scripts/bootstrap.mjs): vitest, taking `-- --config <path>` like every bantin
 * command. The config is handed to the suite as BANTIN_CONFIG (its own test checks that config),
 * never to vitest, whose `--config` means its own configuration file. Plain JavaScript, so the
 * bootstrap can run it in its own process; SIGINT and SIGTERM are passed on to vitest.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = { ...process.env };
const userFolder = process.env.INIT_CWD || process.cwd();

const flag = args.findIndex((arg) => arg === '--config' || arg.startsWith('--config='));
if (flag !== -1) {
  const [removed] = args.splice(flag, 1);
  const value = removed.includes('=') ? removed.slice('--config='.length) : args.splice(flag, 1)[0];
  if (!value) {
    process.stderr.write('npm test: --config needs a path\n');
    process.exit(2);
  }
  env.BANTIN_CONFIG = path.resolve(userFolder, value);
}

const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', ...args], { cwd: repoRoot, env, stdio: 'inherit' });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward).on('SIGTERM', forward);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
