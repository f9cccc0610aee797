// parseFeed refuses what is not a feed with a ParseError whose code is stable and whose message fits /healthz.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/errors.ts';
import { parseFeed } from '../../../src/pipeline/parse/parse-feed.ts';
import { rejectionOf } from '../../helpers/rejection.ts';

function failureOf(text: string): Promise<ParseError> {
  return rejectionOf(parseFeed(text), ParseError);
}

describe('parseFeed failures', () => {
  it.each([
    { name: 'an empty body', input: '', code: 'EMPTY', message: 'empty body' },
    { name: 'a whitespace body', input: ' \n\t\uFEFF ', code: 'EMPTY', message: 'empty body' },
    { name: 'an HTML page', input: '<!DOCTYPE html>\n<html lang="vi"><head><title>Trang chủ</title></head><body>&copy; 2024 <br></body></html>', code: 'NOT_A_FEED', message: 'not a feed: HTML page' },
    { name: 'an HTML page without doctype', input: '\n<!-- trang chủ -->\n<HTML><body><p>Xin chào</body></HTML>', code: 'NOT_A_FEED', message: 'not a feed: HTML page' },
    { name: 'an XHTML page', input: '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"></html>', code: 'NOT_A_FEED', message: 'not a feed: HTML page' },
    { name: 'a JSON document that is not a feed', input: '{"status":"ok","data":[]}', code: 'NOT_A_FEED', message: 'not a feed: JSON document' },
    { name: 'a JSON array', input: '[{"title":"x"}]', code: 'NOT_A_FEED', message: 'not a feed: JSON document' },
    { name: 'malformed JSON', input: '{"version": "https://jsonfeed.org/version/1.1", ', code: 'NOT_A_FEED', message: 'not a feed: malformed JSON' },
    { name: 'well-formed XML of another kind', input: '<?xml version="1.0"?><urlset><url><loc>https://a.vn/</loc></url></urlset>', code: 'NOT_A_FEED', message: 'not a feed: urlset document' },
    { name: 'plain text', input: 'Lỗi hệ thống, vui lòng thử lại sau', code: 'NOT_A_FEED', message: 'not a feed: plain text' },
    { name: 'binary data', input: '\ufffdPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000\ufffd\ufffd', code: 'NOT_A_FEED', message: 'not a feed: binary data' },
    { name: 'truncated XML', input: '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<item><title>Tin Tuyên Quang</title>', code: 'XML', message: 'XML error at line 4: the document ends before its tags are closed (cut off?)' },
    { name: 'broken XML after a removed multi-line DOCTYPE', input: '<!DOCTYPE rss [\n<!ENTITY a "b">\n]>\n<rss version="2.0">\n<channel><title>x</channel>', code: 'XML', message: 'XML error at line 5: closing tag does not match the open one' },
    { name: 'a mismatched close tag', input: '<rss version="2.0">\n<channel>\n<item><title>Tin</titel></item>\n</channel></rss>', code: 'XML', message: 'XML error at line 3: closing tag does not match the open one' },
    { name: 'junk before an XML error', input: 'Notice: undefined index\n\n<?xml version="1.0"?>\n<rss version="2.0">\n<channel></rss>', code: 'XML', message: 'XML error at line 5: closing tag does not match the open one' },
  ])('refuses $name', async ({ input, code, message }) => {
    const error = await failureOf(input);
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });

  it('ignores what a portal printed after the feed', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><item><title>Tin</title></item></channel></rss>\n<br><b>Warning</b>: mysql_connect()');
    expect(feed.items).toEqual([{ title: 'Tin', categories: [] }]);
  });

  it('skips what a portal printed before the feed', async () => {
    const feed = await parseFeed('Deprecated: mysql_connect() in /var/www/rss.php on line 3\n<?xml version="1.0"?><rss version="2.0"><channel><item><title>Tin</title></item></channel></rss>');
    expect(feed.items).toEqual([{ title: 'Tin', categories: [] }]);
  });

  it('returns items with nothing usable rather than failing', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><item/><item><guid/></item></channel></rss>');
    expect(feed.items).toEqual([{ categories: [] }, { categories: [] }]);
  });
});
