// decodeBody picks the charset as SPEC "Ingestion manners" orders it: BOM, HTTP charset, XML declaration, UTF-8.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/pipeline/fetch/decode-body.ts';
import { encodeWindows1258 } from '../../helpers/encode-windows-1258.ts';

const TITLE = 'Công an tỉnh Hòa Bình triệt phá đường dây ma túy';
const declared = (encoding: string, title = TITLE): string =>
  `<?xml version="1.0" encoding="${encoding}"?><rss><title>${title}</title></rss>`;
const plain = `<rss><title>${TITLE}</title></rss>`;
const bytes = (...parts: (Buffer | number[])[]): Buffer => Buffer.concat(parts.map((p) => Buffer.from(p)));

describe('decodeBody', () => {
  it.each([
    {
      name: 'a UTF-8 BOM beats a contrary HTTP charset and declaration',
      body: bytes([0xef, 0xbb, 0xbf], Buffer.from(declared('windows-1258'))),
      contentType: 'text/xml; charset=windows-1252',
      expected: { text: declared('windows-1258'), charset: 'utf-8' },
    },
    {
      name: 'a UTF-16LE BOM',
      body: bytes([0xff, 0xfe], iconv.encode(plain, 'utf-16le')),
      contentType: 'application/rss+xml; charset=utf-8',
      expected: { text: plain, charset: 'utf-16le' },
    },
    {
      name: 'a UTF-16BE BOM',
      body: bytes([0xfe, 0xff], iconv.encode(plain, 'utf-16be')),
      expected: { text: plain, charset: 'utf-16be' },
    },
    {
      name: 'UTF-32BE without a BOM, told by the bytes of "<"',
      body: iconv.encode(declared('utf-32'), 'utf-32be'),
      expected: { text: declared('utf-32'), charset: 'utf-32be' },
    },
    {
      name: 'UTF-32LE without a BOM, told by the bytes of "<"',
      body: iconv.encode(plain, 'utf-32le'),
      expected: { text: plain, charset: 'utf-32le' },
    },
    {
      name: 'the HTTP charset beats the XML declaration',
      body: encodeWindows1258(declared('utf-8')),
      contentType: 'application/rss+xml; charset="Windows-1258"',
      expected: { text: declared('utf-8'), charset: 'windows-1258' },
    },
    {
      name: 'a charset in single quotes, spaced around "=" (feedparser encoding/http_*)',
      body: encodeWindows1258(declared('utf-8')),
      contentType: "application/atom+xml; charset = 'windows-1258'",
      expected: { text: declared('utf-8'), charset: 'windows-1258' },
    },
    {
      name: 'text/xml without charset decides nothing: the declaration does',
      body: encodeWindows1258(declared('windows-1258')),
      contentType: 'text/xml',
      expected: { text: declared('windows-1258'), charset: 'windows-1258' },
    },
    {
      name: 'windows-1252 from the declaration',
      body: iconv.encode(declared('windows-1252', 'Café “Dalat”'), 'windows-1252'),
      expected: { text: declared('windows-1252', 'Café “Dalat”'), charset: 'windows-1252' },
    },
    {
      name: 'iso-8859-1 is read as windows-1252, as browsers do',
      body: bytes(Buffer.from('<rss><title>'), [0x93, 0x43, 0x61, 0x66, 0xe9, 0x94], Buffer.from('</title></rss>')),
      contentType: 'text/xml; charset=ISO-8859-1',
      expected: { text: '<rss><title>“Café”</title></rss>', charset: 'windows-1252' },
    },
    {
      name: 'an unknown HTTP label falls through to the declaration',
      body: encodeWindows1258(declared('windows-1258')),
      contentType: 'text/xml; charset=x-vn-unknown',
      expected: { text: declared('windows-1258'), charset: 'windows-1258' },
    },
    {
      name: 'an unknown label everywhere falls back to UTF-8 without throwing',
      body: Buffer.from(declared('x-tcvn3-unknown')),
      contentType: 'text/xml; charset=x-vn-unknown',
      expected: { text: declared('x-tcvn3-unknown'), charset: 'utf-8' },
    },
    {
      name: 'no BOM, charset or declaration means UTF-8',
      body: Buffer.from(plain),
      expected: { text: plain, charset: 'utf-8' },
    },
    {
      name: 'a UTF-16 declaration read as ASCII is not believed',
      body: Buffer.from(declared('UTF-16')),
      expected: { text: declared('UTF-16'), charset: 'utf-8' },
    },
  ])('$name', ({ body, contentType, expected }) => {
    expect(decodeBody(body, contentType)).toEqual(expected);
  });

  it.each(['Hòa Bình', 'Công an tỉnh', 'Thủy điện Hòa Bình xả lũ, người dân được nhắc nhở'])(
    'round-trips windows-1258 "%s" to NFC text',
    (text) => {
      const { text: decoded } = decodeBody(encodeWindows1258(text), 'text/xml; charset=windows-1258');
      expect(decoded).toBe(text.normalize('NFC'));
      expect(decoded.normalize('NFC')).toBe(decoded);
    },
  );

  it('NFC-normalises UTF-8 text written in decomposed form', () => {
    const decomposed = Buffer.from('Hòa Bình'.normalize('NFD'));
    expect(decodeBody(decomposed).text).toBe('Hòa Bình'.normalize('NFC'));
  });

  it('proves the windows-1258 bytes really carry combining tone marks', () => {
    expect([...encodeWindows1258('ò')]).toEqual([0x6f, 0xcc]);
  });
});
