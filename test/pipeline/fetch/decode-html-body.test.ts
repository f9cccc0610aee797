// decodeHtmlBody picks an HTML page's charset as SPEC "Portals without feeds" orders it: BOM, HTTP charset, <meta>, UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeHtmlBody } from '../../../src/pipeline/fetch/decode-body.ts';
import { encodeWindows1258 } from '../../helpers/encode-windows-1258.ts';

const TITLE = 'Xã Hòa An tổ chức diễn tập phòng cháy chữa cháy';
const page = (head: string): string => `<!doctype html><html><head>${head}<title>${TITLE}</title></head><body><h1>${TITLE}</h1></body></html>`;
const HTTP_EQUIV = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">';

describe('decodeHtmlBody', () => {
  it.each([
    { name: 'a windows-1258 page declared only in <meta http-equiv>', body: encodeWindows1258(page(HTTP_EQUIV)), contentType: 'text/html', charset: 'windows-1258' },
    { name: 'a windows-1258 page declared in <meta charset>', body: encodeWindows1258(page('<meta charset="windows-1258">')), contentType: undefined, charset: 'windows-1258' },
    { name: 'the HTTP charset over a contrary <meta>', body: encodeWindows1258(page('<meta charset="utf-8">')), contentType: 'text/html; charset=windows-1258', charset: 'windows-1258' },
    { name: 'a UTF-8 BOM over the HTTP charset and <meta>', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(HTTP_EQUIV))]), contentType: 'text/html; charset=windows-1252', charset: 'utf-8' },
    { name: 'UTF-8 when nothing is declared', body: Buffer.from(page('')), contentType: 'text/html', charset: 'utf-8' },
    { name: 'UTF-8 for a <meta> naming UTF-16 over ASCII-readable bytes', body: Buffer.from(page('<meta charset="utf-16">')), contentType: undefined, charset: 'utf-8' },
  ])('reads $name', ({ body, contentType, charset }) => {
    const decoded = decodeHtmlBody(body, contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).toContain(`<h1>${TITLE}</h1>`);
  });
});
