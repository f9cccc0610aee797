/** The XML writer escapes every text and attribute and drops characters XML cannot carry. */
import { describe, expect, it } from 'vitest';
import { el, escapeXmlAttr, escapeXmlText, serializeXml } from '../../src/publish/xml-builder.ts';
import { cleanText } from '../../src/publish/clean-text.ts';
import { expectWellFormedXml } from './xml-checks.ts';

describe('escapeXmlText', () => {
  it.each([
    { input: 'Hòa Bình & Sơn La', expected: 'Hòa Bình &amp; Sơn La' },
    { input: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { input: 'a]]>b]]>c', expected: 'a]]&gt;b]]&gt;c' },
    { input: 'tab\tline\nend', expected: 'tab\tline\nend' },
    { input: 'bell\u0007 null\u0000 esc\u001B', expected: 'bell null esc' },
    { input: 'lone \uD800 surrogate, pair 😀', expected: 'lone  surrogate, pair 😀' },
    { input: 'Tha\u0300nh pho\u0302\u0301', expected: 'Thành phố' },
  ])('escapes $input', ({ input, expected }) => {
    expect(escapeXmlText(input)).toBe(expected);
  });
});

describe('escapeXmlAttr', () => {
  it('escapes quotes and keeps whitespace as character references', () => {
    expect(escapeXmlAttr('say "chào"\n&\t')).toBe('say &quot;chào&quot;&#10;&amp;&#9;');
  });
});

describe('serializeXml', () => {
  it('writes a well-formed document, skipping undefined attributes and false children', () => {
    const xml = serializeXml(
      el('root', { a: 'x"y', b: undefined }, el('title', {}, 'Tin ]]> mới\u0001'), false, el('empty')),
    );
    expectWellFormedXml(xml);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<root a="x&quot;y">\n  <title>Tin ]]&gt; mới</title>\n  <empty/>\n</root>\n',
    );
  });
});

describe('expectWellFormedXml', () => {
  it.each(['<a>\u0001</a>', '<a>x]]>y</a>', '<a><![CDATA[x]]>y]]></a>'])(
    'rejects %j, which sax-based parsers let through',
    (xml) => {
      expect(() => expectWellFormedXml(xml)).toThrow();
    },
  );
});

describe('cleanText', () => {
  it('returns NFC', () => {
    const decomposed = 'Hòa Bình'.normalize('NFD');
    expect(cleanText(decomposed)).toBe('Hòa Bình'.normalize('NFC'));
  });
});
