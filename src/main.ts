/** Command-line entry: `serve` (npm start), `ingest` (npm run ingest) or `preview` (npm run preview); wiring only. */
import { loadConfig, resolveConfigPath } from './config/load-config.ts';
import { runIngestCommand } from './commands/ingest-command.ts';
import { runStoreCopyCommand } from './commands/store-copy-command.ts';
import { parseStoreCopyArgs } from './config/store-copy-args.ts';
import { runPreviewCommand } from './commands/preview-command.ts';
import { startService } from './commands/serve-command.ts';
import { AppError } from './errors.ts';
import { createLogger } from './logger.ts';
import { openStore } from './store/open-store.ts';

const EXIT_USAGE = 2;
const EXIT_FAILURE = 1;

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'store-copy') {
    await runStoreCopyCommand(parseStoreCopyArgs(rest, process.env), (line) => process.stderr.write(`store:copy: ${line}\n`));
    return;
  }
  if (command !== 'serve' && command !== 'ingest' && command !== 'preview') {
    process.stderr.write('usage: bantin serve|ingest|preview [<source id | URL>] [--config <path>] | bantin store-copy --from <store> --to <store> [--replace]\n');
    process.exitCode = EXIT_USAGE;
    return;
  }
  const config = loadConfig(resolveConfigPath(rest, process.env), process.env);
  if (command === 'preview') {
    process.exitCode = await runPreviewCommand(config, previewTarget(rest), (line) => process.stdout.write(`${line}\n`));
    return;
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? (command === 'ingest' ? 'warn' : 'info'));
  if (command === 'ingest') {
    const store = openStore(config.store);
    try {
      await runIngestCommand(config, store, logger, (line) => process.stdout.write(`${line}\n`));
    } finally {
      await store.close();
    }
    return;
  }
  const service = await startService(config, logger);
  let stopping = false;
  const shutdown = () => {
    // Ctrl-C under npm arrives twice (from the terminal, and passed on by npm): one stop, and the
    // second signal must not kill the process halfway through it.
    if (stopping) return;
    stopping = true;
    logger.info({ stage: 'serve' }, 'shutting down');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ stage: 'serve', err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The first argument that is neither a flag nor the path after `--config`. */
function previewTarget(args: readonly string[]): string | undefined {
  return args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--config');
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`bantin: ${message}\n`);
  process.exitCode = error instanceof AppError && error.code === 'INVALID' ? EXIT_USAGE : EXIT_FAILURE;
});
