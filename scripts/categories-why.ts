/**
 * `npm run categories:why -- <story id or URL>`: each category of a stored story with the rule and the
 * words that filed it, and the categories it missed by one step, under the configured rules; writes
 * nothing. Exit 0 when the story was found, 1 when not (or the store cannot be read), 2 for bad usage
 * or an invalid config.
 */
import { loadConfig, resolveConfigPath } from '../src/config/load-config.ts';
import { ConfigError } from '../src/errors.ts';
import { representativeCopy } from '../src/model/story.ts';
import { explainCategories } from '../src/pipeline/categorize/explain-categories.ts';
import { prepareRules } from '../src/pipeline/categorize/categorize-story.ts';
import { openStore } from '../src/store/open-store.ts';
import { findStory } from './category-why/find-story.ts';
import { formatExplanation } from './category-why/format-explanation.ts';

const EXIT_NOT_FOUND = 1;
const EXIT_USAGE = 2;

async function main(argv: readonly string[]): Promise<number> {
  // A blank argument (`-- ""`, an unset shell variable) names no story: usage, not a failed search.
  const target = argv.find((arg, index) => arg.trim() !== '' && !arg.startsWith('--') && argv[index - 1] !== '--config')?.trim();
  if (target === undefined) {
    process.stderr.write('usage: npm run categories:why -- <story id or URL> [--config <path>]\n');
    return EXIT_USAGE;
  }
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  // The store the service uses, file or PostgreSQL: read once, and closed so the process can end.
  const store = openStore(config.store, { readOnly: true });
  const data = await store.load().finally(() => store.close());
  const found = findStory(data, target);
  if (found === undefined) {
    process.stderr.write(`categories:why: no stored story has the id or link ${target} (store ${config.store})\n`);
    return EXIT_NOT_FOUND;
  }
  if (found.via === 'alias') process.stdout.write(`${found.absorbedId} was merged into ${found.story.id}\n`);
  const sources = new Map(config.sources.map((source) => [source.id, source]));
  const title = representativeCopy(found.story, sources)?.title ?? '';
  const explanations = explainCategories(found.story, prepareRules(config.categories, config.sources));
  for (const line of formatExplanation(found.story, explanations, title)) process.stdout.write(`${line}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`categories:why: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof ConfigError ? EXIT_USAGE : EXIT_NOT_FOUND;
  },
);
