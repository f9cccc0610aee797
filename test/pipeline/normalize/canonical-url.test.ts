// Links as portals, share buttons (Zalo, Facebook) and newsletters hand them to us.
import { describe, it, expect } from 'vitest';
import { absolutizeUrl, canonicalizeUrl } from '../../../src/pipeline/normalize/canonical-url.ts';

const BASE = 'https://baohoabinh.com.vn/thoi-su/';

describe('canonicalizeUrl', () => {
  it.each([
    { href: 'https://baohoabinh.com.vn/202/a.htm', base: undefined, expected: 'https://baohoabinh.com.vn/202/a.htm' },
    { href: '  https://congan.hoabinh.gov.vn/tin  ', base: undefined, expected: 'https://congan.hoabinh.gov.vn/tin' },
    { href: 'HTTPS://BaoHoaBinh.COM.VN/Tin-Tuc', base: undefined, expected: 'https://baohoabinh.com.vn/Tin-Tuc' },
    { href: 'http://hoabinh.gov.vn:80/a', base: undefined, expected: 'http://hoabinh.gov.vn/a' },
    { href: 'https://hoabinh.gov.vn:443/a', base: undefined, expected: 'https://hoabinh.gov.vn/a' },
    { href: 'https://hoabinh.gov.vn:8443/a', base: undefined, expected: 'https://hoabinh.gov.vn:8443/a' },
    { href: 'https://hoabinh.gov.vn/a#binh-luan', base: undefined, expected: 'https://hoabinh.gov.vn/a' },
    { href: '/202/a.htm', base: BASE, expected: 'https://baohoabinh.com.vn/202/a.htm' },
    { href: 'a.htm', base: BASE, expected: 'https://baohoabinh.com.vn/thoi-su/a.htm' },
    { href: '//baohoabinh.com.vn/a.htm', base: 'http://x.vn/', expected: 'http://baohoabinh.com.vn/a.htm' },
    {
      href: 'https://baohoabinh.com.vn/a.htm?zarsrc=30&utm_source=zalo&utm_medium=zalo&utm_campaign=zalo&gidzl=AbC-1',
      base: undefined,
      expected: 'https://baohoabinh.com.vn/a.htm',
    },
    { href: 'https://vnexpress.net/a.html?fbclid=IwAR0xyz', base: undefined, expected: 'https://vnexpress.net/a.html' },
    {
      href: 'https://hoabinh.gov.vn/tin?id=123&utm_source=rss&page=2&gclid=x&UTM_Medium=y',
      base: undefined,
      expected: 'https://hoabinh.gov.vn/tin?id=123&page=2',
    },
    {
      href: 'https://x.vn/a?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&msclkid=5&dclid=6&igshid=7&yclid=8&ref_src=twsrc',
      base: undefined,
      expected: 'https://x.vn/a',
    },
    { href: 'https://x.vn/a?', base: undefined, expected: 'https://x.vn/a' },
    { href: 'https://x.vn/a?b=2&a=1', base: undefined, expected: 'https://x.vn/a?b=2&a=1' }, // order kept
    { href: 'https://x.vn/tim-kiem?q=ma%20t%C3%BAy', base: undefined, expected: 'https://x.vn/tim-kiem?q=ma%20t%C3%BAy' },
    { href: 'https://x.vn/a?%75tm_source=rss&id=1', base: undefined, expected: 'https://x.vn/a?id=1' },
    { href: 'https://x.vn/tin-tức/hòa-bình', base: undefined, expected: 'https://x.vn/tin-t%E1%BB%A9c/h%C3%B2a-b%C3%ACnh' },
    { href: 'https://BÁO.vn/a', base: undefined, expected: 'https://xn--bo-mia.vn/a' },
  ])('makes $href canonical', ({ href, base, expected }) => {
    expect(canonicalizeUrl(href, base)).toBe(expected);
  });

  it.each([
    { href: undefined, base: BASE },
    { href: '', base: BASE },
    { href: '   ', base: BASE },
    { href: 'javascript:alert(1)', base: BASE },
    { href: 'mailto:toasoan@baohoabinh.com.vn', base: BASE },
    { href: 'ftp://x.vn/a', base: BASE },
    { href: 'data:text/html,<b>x</b>', base: BASE },
    { href: '/relative/without/base', base: undefined },
    { href: 'http://', base: undefined },
  ])('rejects $href', ({ href, base }) => {
    expect(canonicalizeUrl(href, base)).toBeUndefined();
  });

  it('still accepts an absolute link when the base is unusable', () => {
    expect(canonicalizeUrl('https://x.vn/a', 'not a url')).toBe('https://x.vn/a');
  });
});

describe('absolutizeUrl', () => {
  it.each([
    { href: '/uploads/anh.jpg', expected: 'https://baohoabinh.com.vn/uploads/anh.jpg' },
    { href: '../anh.jpg', expected: 'https://baohoabinh.com.vn/anh.jpg' },
    { href: 'https://x.vn/a?utm_source=rss#p2', expected: 'https://x.vn/a?utm_source=rss#p2' }, // not cleaned
    { href: 'mailto:toasoan@baohoabinh.com.vn', expected: 'mailto:toasoan@baohoabinh.com.vn' },
    { href: 'tel:+842183852247', expected: 'tel:+842183852247' },
    { href: 'javascript:alert(1)', expected: undefined },
    { href: ' JaVaScRiPt:alert(1)', expected: undefined },
    { href: 'java\tscript:alert(1)', expected: undefined },
    { href: 'vbscript:msgbox(1)', expected: undefined },
    { href: 'data:image/png;base64,iVBOR', expected: undefined },
  ])('turns $href into $expected', ({ href, expected }) => {
    expect(absolutizeUrl(href, BASE)).toBe(expected);
  });

  it('gives undefined for a relative link without a base, and https for a protocol-relative one', () => {
    expect(absolutizeUrl('/a.jpg', undefined)).toBeUndefined();
    expect(absolutizeUrl('//cdn.x.vn/a.jpg', undefined)).toBe('https://cdn.x.vn/a.jpg');
  });
});
