/** Seeded tag soup as portals' CMSs write it (and worse), for tests that compare two readings of HTML. */

export type Random = () => number;

/** mulberry32: the same seed gives the same documents on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const WORDS = [
  'Công', 'an', 'tỉnh', 'Hoà', 'Hòa', 'Bình', 'thuỷ', 'thủy', 'ma', 'túy', 'tuý', 'khoẻ', 'khỏe', 'Đắk', 'Lắk',
  'người', 'được', 'Quảng', 'Ninh', 'xử', 'lý', 'vi', 'phạm', 'nồng', 'độ', 'cồn', '3,2', '2.400', '24/11', '19h40',
  'Ủy', 'UBND', 'quý', 'qúy', 'hoạ', 'họa', '“trích”', '‘nháy’', '–', '…', 'km 312+500', 'a+b=c', '100%',
];
const NFD_WORDS = WORDS.map((word) => word.normalize('NFD'));
const ODD_TEXT = [
  '&nbsp;', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#7843;', '&#x1EA1;', '&hellip;', '&ndash;', '&amp;lt;p&amp;gt;',
  '&bogus;', '&#0;', '&', '<', '>', '"', "'", ' < 5 ', 'a>b', '&amp', '&#x', ' ', '  ', '\n', '\t', '\r\n', '\u00a0',
  '\u200b', '\u00ad', '\ufeff', '\u0301', '\u0323',
];
const TAGS = [
  'p', 'br', 'hr', 'div', 'span', 'a', 'img', 'figure', 'figcaption', 'h1', 'h2', 'h3', 'h6', 'ul', 'ol', 'li',
  'dl', 'dt', 'dd', 'blockquote', 'q', 'cite', 'pre', 'code', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup',
  'small', 'mark', 'del', 'ins', 'abbr', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'font', 'center', 'section', 'article', 'header', 'nav', 'label', 'script', 'style', 'iframe', 'textarea',
  'select', 'option', 'svg', 'math', 'noscript', 'title', 'form', 'input', 'button', 'object', 'embed', 'P', 'TD', 'Br',
];
const ATTRIBUTES = [
  'href="/tin-khac.htm?a=1&amp;b=2"', 'href="https://x.vn/a"', "href='javascript:alert(1)'", 'href=relative.htm',
  'href="mailto:a@b.vn"', 'src="/uploads/anh.jpg"', 'src="data:image/gif;base64,R0l"', 'data-src="/lazy.jpg"',
  'alt="Hiện trường &quot;vụ cháy&quot; > 2 ha"', 'title="a > b < c & d"', "title='nháy \"kép\"'", 'width="1"',
  'height="1"', 'width="600"', 'colspan="2"', 'rowspan=3', 'scope="col"', 'start="4"', 'style="color:red"',
  'class="x"', 'onclick="alert(1)"', 'id="y"', 'hidden', 'title=""', 'alt',
];
const RAW = ['<!-- bình luận -->', '<![CDATA[x < y]]>', '<?php echo 1; ?>', '<!DOCTYPE html>', '</p>', '</br>', '<p/>', '</td>', '<', '</'];

function randomText(random: Random): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    const roll = random();
    parts.push(roll < 0.55 ? pick(random, WORDS) : roll < 0.7 ? pick(random, NFD_WORDS) : pick(random, ODD_TEXT));
    parts.push(random() < 0.8 ? ' ' : '');
  }
  return parts.join('');
}

function randomTag(random: Random): string {
  const tag = pick(random, TAGS);
  const attributes = Array.from({ length: Math.floor(random() * 3) }, () => ` ${pick(random, ATTRIBUTES)}`).join('');
  return `${tag}${attributes}`;
}

function randomNodes(random: Random, depth: number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * (depth === 0 ? 8 : 4));
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.4 || depth >= 4) parts.push(randomText(random));
    else if (roll < 0.9) {
      const open = randomTag(random);
      const name = open.split(' ')[0]!;
      const close = random() < 0.85 ? `</${random() < 0.9 ? name : pick(random, TAGS)}>` : '';
      parts.push(`<${open}${random() < 0.1 ? ' /' : ''}>${randomNodes(random, depth + 1)}${close}`);
    } else parts.push(pick(random, RAW));
  }
  return parts.join('');
}

/** One random HTML document of nested allowed and hostile tags, odd attributes, entities and Vietnamese text. */
export function randomHtml(random: Random): string {
  return randomNodes(random, 0);
}
