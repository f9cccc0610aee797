/** A synthetic portal's feed document: RSS 2.0 with content:encoded, RSS with portal-style dates, or Atom. */
import type { SyntheticItem, SyntheticSource } from './make-province.ts';

const VN_OFFSET_MS = 7 * 3600 * 1000;
const WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function renderSourceFeed(source: SyntheticSource, items: readonly SyntheticItem[]): string {
  return source.format === 'atom' ? renderAtom(source, items) : renderRss(source, items);
}

function renderRss(source: SyntheticSource, items: readonly SyntheticItem[]): string {
  const portalDates = source.format === 'rss-portal-dates';
  const entries = items.map((item) => {
    const html = bodyHtml(item);
    // Portals with their own date style also tend to put the whole body in <description>.
    const description = portalDates ? html : `<p>${escapeXml(item.paragraphs[0]!)}</p>`;
    return `<item>
<title>${escapeXml(item.title)}</title>
<link>${escapeXml(item.link)}</link>
<guid isPermaLink="false">${item.guid}</guid>
<pubDate>${portalDates ? portalDate(item.time) : rfc822(item.time)}</pubDate>
<category>${escapeXml(item.section)}</category>
<description>${escapeXml(description)}</description>${portalDates ? '' : `\n<content:encoded><![CDATA[${html}]]></content:encoded>`}
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${escapeXml(source.name)}</title>
<link>${source.origin}/</link>
<description>Tin tức ${escapeXml(source.name)}</description>
<language>vi</language>
${entries.join('\n')}
</channel>
</rss>
`;
}

function renderAtom(source: SyntheticSource, items: readonly SyntheticItem[]): string {
  const entries = items.map(
    (item) => `<entry>
<id>tag:${new URL(source.origin).host},2026:${item.guid}</id>
<title>${escapeXml(item.title)}</title>
<link rel="alternate" href="${escapeXml(item.link)}"/>
<published>${isoVietnam(item.time)}</published>
<updated>${isoVietnam(item.time)}</updated>
<category term="${escapeXml(item.section)}"/>
<content type="html">${escapeXml(bodyHtml(item))}</content>
</entry>`,
  );
  const updated = items[0] ? isoVietnam(items[0].time) : '2026-01-01T00:00:00+07:00';
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<title>${escapeXml(source.name)}</title>
<id>${source.origin}/</id>
<link rel="alternate" href="${source.origin}/"/>
<updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
}

function bodyHtml(item: SyntheticItem): string {
  const image = item.image ? `<figure><img src="${item.image}" alt=""><figcaption>Ảnh: Phóng viên</figcaption></figure>` : '';
  const [lead, ...rest] = item.paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`);
  return `${lead ?? ''}${image}${rest.join('')}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function rfc822(time: number): string {
  const local = new Date(time + VN_OFFSET_MS);
  return `${DAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())} +0700`;
}

/** "Thứ Hai, 23/11/2026 - 09:15", no zone: the source's timezone applies. */
function portalDate(time: number): string {
  const local = new Date(time + VN_OFFSET_MS);
  return `${WEEKDAYS[local.getUTCDay()]}, ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} - ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

function isoVietnam(time: number): string {
  return `${new Date(time + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}
