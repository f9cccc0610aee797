/** Writes small RSS 2.0 documents for tests that need a portal whose feed changes between runs. */

export interface TestItem {
  guid: string;
  title: string;
  body: string;
  /** Any date form a portal writes; RFC 822 with +0700 by default; null leaves the item without a date. */
  date?: string | null;
  category?: string;
  link?: string;
}

export function buildRss(channelTitle: string, items: readonly TestItem[]): string {
  const entries = items.map(
    (item) => `<item>
  <guid isPermaLink="false">${item.guid}</guid>
  <title>${escapeXml(item.title)}</title>
  <link>${escapeXml(item.link ?? `https://congan.example.gov.vn/tin/${item.guid}.html`)}</link>
  ${item.date === null ? '' : `<pubDate>${item.date ?? 'Wed, 25 Nov 2026 09:30:00 +0700'}</pubDate>`}
  ${item.category ? `<category>${escapeXml(item.category)}</category>` : ''}
  <description>${escapeXml(`<p>${item.body}</p>`)}</description>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${escapeXml(channelTitle)}</title><link>https://congan.example.gov.vn/</link>
${entries.join('\n')}
</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
