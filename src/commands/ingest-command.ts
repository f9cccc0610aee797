/** `npm run ingest`: one cycle, a per-source summary on stdout, exit 0 when the cycle ran. */
import type { Logger } from '../logger.ts';
import type { Config, RunSummary } from '../model/types.ts';
import { runIngestion } from '../pipeline/run-ingestion.ts';
import type { Store } from '../store/store.ts';

export async function runIngestCommand(config: Config, store: Store, logger: Logger, print: (line: string) => void): Promise<void> {
  const { summary, data, skipped } = await runIngestion({ config, store, logger, mode: 'all' });
  for (const line of formatSummary(summary, data.stories.length)) print(line);
  if (skipped.length > 0) print(`left to another bantin on this database this cycle: ${skipped.join(', ')}`);
}

/** One line per source, then totals: what the operator reads after a cron run. */
export function formatSummary(summary: RunSummary, storyCount: number): string[] {
  const width = Math.max(6, ...summary.sources.map((source) => source.id.length));
  const lines = summary.sources.map((source) => {
    const id = source.id.padEnd(width);
    if (source.status === 'error') return `${id}  error         ${source.error}`;
    if (source.status === 'not-modified') return `${id}  not modified  (304, stored stories kept)`;
    const warning = source.warning ? `; warning: ${source.warning}` : '';
    const articles = source.articleErrors ? `; ${source.articleErrors} article pages failed (tried again next run)` : '';
    return `${id}  ok            ${source.items} items, ${source.added} new stories, ${source.updated} joined or updated${articles}${warning}`;
  });
  const failed = summary.sources.filter((source) => source.status === 'error').length;
  lines.push(
    `${summary.sources.length} sources (${failed} failed); stories: ${summary.storiesAdded} new, ${summary.storiesUpdated} updated, ${summary.storiesRefiled ?? 0} re-filed, ${summary.storiesPruned} pruned, ${storyCount} stored`,
  );
  return lines;
}
