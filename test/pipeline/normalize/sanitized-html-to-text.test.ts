// Proves the regex reading of sanitised HTML (readSanitizedText) gives exactly what a second
// sanitize-html parse (htmlToText) gives: over the demo feeds, the feed fixtures, the merge-eval
// texts, hand-picked Vietnamese samples and thousands of generated tag soups, each sanitised first.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { htmlToText, readSanitizedText, sanitizedHtmlToText, sanitizeContent } from '../../../src/pipeline/normalize/sanitize-content.ts';
import { randomHtml, seededRandom } from '../../helpers/random-html.ts';

const REPO = path.resolve(import.meta.dirname, '../../..');
const BASE = 'https://baohoabinh.com.vn/thoi-su/bai-viet-1.htm';

const SAMPLES = [
  '<p>Công an tỉnh Hoà Bình&nbsp;cho biết&hellip;</p><p>Thu giữ 3,2&nbsp;kg ma tuý &amp; 45 triệu đồng.</p>',
  '<table><caption>Kết quả</caption><thead><tr><th scope="col">Huyện</th><th>Số vụ</th></tr></thead><tbody><tr><td>Lương Sơn</td><td colspan="2">12</td></tr><tr><td>Kim Bôi</td><td>7</td></tr></tbody></table>',
  '<ul><li>Khoẻ mạnh</li><li>Thuỷ điện <b>Hoà</b> Bình</li></ul><ol start="3"><li>Mục &lt;3&gt;</li></ol>',
  '<figure><img src="/uploads/anh.jpg" alt="Hiện trường &quot;vụ cháy&quot; > 2 ha" width="600"><figcaption>Ảnh: Công an tỉnh cung cấp</figcaption></figure><p>Tin</p>',
  '<p>Xem <a href="/tin-khac.htm?a=1&amp;b=2" title="Tin &gt; khác">tin khác</a> tại <a href="javascript:alert(1)">đây</a>.</p>',
  '<div>Dòng 1<br>Dòng 2<br/>Dòng 3</div><hr><pre>  mã   số\n  12  </pre><blockquote>Trích dẫn “Bác Hồ”</blockquote>',
  '<h1>Tiêu đề</h1><h3>Mục</h3><dl><dt>Thời gian</dt><dd>19h40 ngày 24/11</dd></dl>',
  'Giá xăng < 25.000 đồng & ổn định; A&B &amp;lt;p&amp;gt; &#7843;&#x1EA1;',
  '<p>Hòa Bình</p>'.normalize('NFD'),
  '<p>Chữ\u200bbị\u00adtách</p><!-- bình luận --><script>var x = "<p>";</script><style>p{}</style><p>Hết</p>',
  '<P CLASS="x">Viết hoa</P><TABLE><TR><TD>1</TD><TD>2</TD></TR></TABLE>',
  '<p><span style="color:red">Đỏ</span><sup>2</sup>m<sub>3</sub> <q>trích</q> <abbr title="Uỷ ban nhân dân">UBND</abbr></p>',
];

/** Every item's HTML fields in the feed files of a folder. */
async function feedHtml(folder: string): Promise<string[]> {
  const files = readdirSync(folder).filter((name) => /\.(xml|json)$/.test(name) && !name.endsWith('.expected.json'));
  const html: string[] = [];
  for (const name of files) {
    const feed = await parseFeed(readFileSync(path.join(folder, name), 'utf8')).catch(() => undefined);
    for (const item of feed?.items ?? []) html.push(...[item.contentHtml, item.summary, item.title].filter((v): v is string => v !== undefined));
  }
  return html;
}

function mergeEvalHtml(): string[] {
  const { pairs } = JSON.parse(readFileSync(path.join(REPO, 'test/fixtures/merge-eval/pairs.json'), 'utf8')) as {
    pairs: { a: { text: string }; b: { text: string } }[];
  };
  const escape = (line: string) => line.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return pairs.flatMap(({ a, b }) => [a.text, b.text]).map((text) => text.split('\n').map((line) => `<p>${escape(line)}</p>`).join(''));
}

function expectSameText(inputs: readonly string[]): void {
  for (const input of inputs) {
    const html = sanitizeContent(input, BASE);
    expect({ html, text: readSanitizedText(html) }).toEqual({ html, text: htmlToText(html) });
  }
}

describe('readSanitizedText', () => {
  it('reads every item of the demo feeds as htmlToText does', async () => {
    const inputs = await feedHtml(path.join(REPO, 'data/demo'));
    expect(inputs.length).toBeGreaterThan(30);
    expectSameText(inputs);
  });

  it('reads every item of the feed fixtures as htmlToText does', async () => {
    const inputs = await feedHtml(path.join(REPO, 'test/fixtures/feeds'));
    expect(inputs.length).toBeGreaterThan(10);
    expectSameText(inputs);
  });

  it('reads the merge-eval texts as htmlToText does', () => {
    expectSameText(mergeEvalHtml());
  });

  it('reads Vietnamese tables, lists, entities, images and links as htmlToText does', () => {
    expectSameText(SAMPLES);
  });

  it('reads 3,000 generated tag soups as htmlToText does, once sanitised', () => {
    const random = seededRandom(6);
    expectSameText(Array.from({ length: 3000 }, () => randomHtml(random)));
  });

  it.each([
    { name: 'a comment', html: '<p>a<!-- b --></p>' },
    { name: 'an unescaped bracket', html: '<p>a > b</p>' },
    { name: 'a named entity other than the four', html: '<p>a&nbsp;b</p>' },
    { name: 'a numeric reference', html: '<p>&#7843;</p>' },
    { name: 'an upper-case tag', html: '<P>a</P>' },
    { name: 'a tag outside the allowlist', html: '<center>a</center>' },
    { name: 'an unquoted attribute', html: '<a href=x>a</a>' },
  ])('declines HTML with $name, which sanitizedHtmlToText then parses', ({ html }) => {
    expect(readSanitizedText(html)).toBeUndefined();
    expect(sanitizedHtmlToText(html)).toBe(htmlToText(html));
  });
});
