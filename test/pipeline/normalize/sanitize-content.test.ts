// Article HTML as provincial portals' CMSs emit it, including the hostile and the merely messy.
import { describe, it, expect } from 'vitest';
import { htmlToText, sanitizeContent } from '../../../src/pipeline/normalize/sanitize-content.ts';

const BASE = 'https://baohoabinh.com.vn/thoi-su/bai-viet-1.htm';

describe('sanitizeContent', () => {
  it.each([
    { name: 'drops a script and its code', html: '<p>Tin</p><script>alert(1)</script>', expected: '<p>Tin</p>' },
    { name: 'drops a style block', html: '<style>p{color:red}</style><p>Tin</p>', expected: '<p>Tin</p>' },
    { name: 'drops event handlers', html: '<img src="/a.jpg" onerror="alert(1)">', expected: '<img src="https://baohoabinh.com.vn/a.jpg" />' },
    { name: 'drops inline style, class and id', html: '<p style="color:red" class="x" id="y">Tin</p>', expected: '<p>Tin</p>' },
    { name: 'drops a javascript: href but keeps the text', html: '<a href="javascript:alert(1)">Xem</a>', expected: '<a>Xem</a>' },
    { name: 'drops an obfuscated javascript: href', html: '<a href=" JaVa&#x09;ScRiPt:alert(1)">Xem</a>', expected: '<a>Xem</a>' },
    { name: 'drops a vbscript: href', html: '<a href="vbscript:msgbox(1)">Xem</a>', expected: '<a>Xem</a>' },
    { name: 'drops a data: href', html: '<a href="data:text/html;base64,PHNjcmlwdD4=">Xem</a>', expected: '<a>Xem</a>' },
    { name: 'drops an iframe with its fallback text', html: '<p>Video:</p><iframe src="https://youtube.com/embed/x">Trình duyệt không hỗ trợ</iframe>', expected: '<p>Video:</p>' },
    { name: 'drops object, embed and form controls', html: '<object data="x.swf"></object><embed src="x.swf"><form action="/s"><input name="q"><button>Gửi</button></form><p>Tin</p>', expected: '<p>Tin</p>' },
    { name: 'makes a relative image absolute', html: '<img src="../uploads/anh.jpg" alt="Hiện trường">', expected: '<img src="https://baohoabinh.com.vn/uploads/anh.jpg" alt="Hiện trường" />' },
    { name: 'makes a relative link absolute', html: '<a href="/tin-khac.htm">Tin khác</a>', expected: '<a href="https://baohoabinh.com.vn/tin-khac.htm">Tin khác</a>' },
    { name: 'keeps mailto links', html: '<a href="mailto:toasoan@baohoabinh.com.vn">Liên hệ</a>', expected: '<a href="mailto:toasoan@baohoabinh.com.vn">Liên hệ</a>' },
    { name: 'drops a 1x1 tracking pixel', html: '<p>Tin</p><img src="https://stats.x.vn/p.gif" width="1" height="1">', expected: '<p>Tin</p>' },
    { name: 'drops a 1px tracking pixel', html: '<img src="https://stats.x.vn/p.gif" width="1px" height="1px" />', expected: '' },
    { name: 'keeps a 1-pixel-wide spacer that is not 1x1', html: '<img src="/r.png" width="1" height="20">', expected: '<img src="https://baohoabinh.com.vn/r.png" width="1" height="20" />' },
    { name: 'drops a data: image', html: '<img src="data:image/png;base64,iVBORw0KGgo=">', expected: '' },
    { name: 'uses the lazy-loaded source over a data: placeholder', html: '<img src="data:image/gif;base64,R0lGOD" data-src="/uploads/that.jpg">', expected: '<img src="https://baohoabinh.com.vn/uploads/that.jpg" />' },
    { name: 'drops srcset rather than leave relative candidates', html: '<img src="/a.jpg" srcset="/a-2x.jpg 2x">', expected: '<img src="https://baohoabinh.com.vn/a.jpg" />' },
    { name: 'drops target so no opener leaks', html: '<a href="https://x.vn/" target="_blank">x</a>', expected: '<a href="https://x.vn/">x</a>' },
    { name: 'turns h1 into h2', html: '<h1>Tiêu đề</h1>', expected: '<h2>Tiêu đề</h2>' },
    { name: 'keeps figures and tables', html: '<figure><img src="https://x.vn/a.jpg"><figcaption>Ảnh: TTXVN</figcaption></figure><table><tr><td colspan="2">1</td></tr></table>', expected: '<figure><img src="https://x.vn/a.jpg" /><figcaption>Ảnh: TTXVN</figcaption></figure><table><tr><td colspan="2">1</td></tr></table>' },
    { name: 'unwraps unknown tags but keeps their text', html: '<font face="Arial"><center>Tin</center></font>', expected: 'Tin' },
    { name: 'writes NFC', html: '<p>Hòa Bình</p>'.normalize('NFD'), expected: '<p>Hòa Bình</p>' },
  ])('$name', ({ html, expected }) => {
    expect(sanitizeContent(html, BASE)).toBe(expected);
  });

  it('drops relative links when there is no base to resolve them against', () => {
    expect(sanitizeContent('<a href="/a">x</a><img src="/b.jpg">', undefined)).toBe('<a>x</a>');
  });

  it('keeps the text of plain-text summaries, escaped', () => {
    expect(sanitizeContent('Giá xăng < 25.000 đồng & ổn định', BASE)).toBe('Giá xăng &lt; 25.000 đồng &amp; ổn định');
  });
});

describe('htmlToText', () => {
  it.each([
    { html: '<p>Xin&nbsp;chào</p><p>Hòa&#32;Bình</p>', expected: 'Xin chào\nHòa Bình' },
    { html: 'Tai nạn <b>giao</b> thông', expected: 'Tai nạn giao thông' },
    { html: 'dòng 1<br>dòng 2<br/>dòng 3', expected: 'dòng 1\ndòng 2\ndòng 3' },
    { html: '<ul><li>Một</li><li>Hai</li></ul>', expected: 'Một\nHai' },
    { html: '<table><tr><td>Ô tô</td><td>12</td></tr></table>', expected: 'Ô tô 12' },
    { html: 'A &amp; B &lt;c&gt; &quot;d&quot; &#7843;', expected: 'A & B <c> "d" ả' },
    { html: '&amp;lt;p&amp;gt;', expected: '&lt;p&gt;' }, // decoded once, not twice
    { html: '<script>var x = 1;</script><style>p{}</style>Tin', expected: 'Tin' },
    { html: '  \n  nhiều    khoảng\t trắng  ', expected: 'nhiều khoảng trắng' },
    { html: 'Hòa Bình'.normalize('NFD'), expected: 'Hòa Bình' },
    { html: '', expected: '' },
  ])('reads $html as plain text', ({ html, expected }) => {
    expect(htmlToText(html)).toBe(expected);
  });
});
