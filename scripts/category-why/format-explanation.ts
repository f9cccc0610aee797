/** The text `npm run categories:why` prints: each category with its rule and words, then the near misses. */
import type { Copy, Story } from '../../src/model/types.ts';
import type { CategoryExplanation, FilingReason } from '../../src/pipeline/categorize/explain-categories.ts';

export function formatExplanation(story: Story, explanations: readonly CategoryExplanation[], title: string): string[] {
  const lines = [`${story.id}  ${title}`, `  ${story.copies.length} ${story.copies.length === 1 ? 'copy' : 'copies'}: ${story.copies.map(copyName).join('; ')}`];
  const filed = explanations.filter((explanation) => explanation.filedBy.length > 0);
  lines.push(filed.length === 0 ? 'Filed under no category.' : 'Filed under:');
  for (const explanation of filed) {
    lines.push(`  ${explanation.title} (${explanation.id})`);
    for (const reason of explanation.filedBy) lines.push(`    ${describeFiling(reason)} — ${where(reason)}`);
  }
  const near = explanations.filter((explanation) => explanation.filedBy.length === 0 && explanation.nearMisses.length > 0);
  if (near.length > 0) lines.push('Near misses (one step away):');
  for (const explanation of near) {
    lines.push(`  ${explanation.title} (${explanation.id})`);
    for (const miss of explanation.nearMisses) lines.push(`    ${miss.reason} — ${where(miss)}`);
  }
  const rest = explanations.filter((explanation) => explanation.filedBy.length === 0 && explanation.nearMisses.length === 0);
  if (rest.length > 0) lines.push(`Nothing close: ${rest.map((explanation) => explanation.title).join(', ')}.`);
  const now = filed.map((explanation) => explanation.id);
  if (now.join() !== story.categories.join()) {
    lines.push(`Stored under [${story.categories.join(', ')}], filed under [${now.join(', ')}] by the current rules: the next ingestion files it again.`);
  }
  return lines;
}

function describeFiling(reason: FilingReason): string {
  if (reason.rule === 'keyword') return `keyword ${reason.detail.split(', ').map((word) => `"${word}"`).join(', ')}`;
  if (reason.rule === 'urlMap') return `urlMap "${reason.detail}" (the link's path starts with it)`;
  return `categoryMap "${reason.detail}" (the source's own category)`;
}

function where(at: { sourceId: string; url: string }): string {
  return `copy of ${at.sourceId}, ${at.url}`;
}

function copyName(copy: Copy): string {
  return `${copy.sourceId} ${copy.url}`;
}
