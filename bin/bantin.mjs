#!/usr/bin/env node
/** `bantin serve | ingest | preview <source> [--config <path>]`: the compiled service, after the same bootstrap as `npm start`. */
import { bootstrap } from '../scripts/bootstrap.mjs';
import { BootstrapError } from '../scripts/bootstrap/bootstrap-error.mjs';

const [command, ...args] = process.argv.slice(2);
const COMMANDS = ['serve', 'ingest', 'preview'];
if (!COMMANDS.includes(command)) {
  process.stderr.write('usage: bantin serve|ingest|preview [<source id | URL>] [--config <path>]\n');
  process.exitCode = 2;
} else {
  bootstrap(command, args).catch((error) => {
    process.stderr.write(`${error instanceof BootstrapError ? error.message : `bantin: ${error?.stack ?? error}`}\n`);
    process.exitCode = error?.exitCode ?? 1;
  });
}
