import { describe, expect, it } from 'vitest';
import { findBadEntry } from '../../src/store/check-entries.ts';

const DATE = '2026-11-25T02:30:00.000Z';
const COPY = {
  sourceId: 'bao-tinh',
  key: 'guid:bt-1',
  url: 'https://baotinh.example.vn/phap-luat/bt-1.html',
  title: 'Bắt giữ hai đối tượng trộm cắp xe máy',
  contentHtml: '<p>Công an phường bắt giữ hai đối tượng.</p>',
  datePublished: DATE,
  sourceCategories: [],
  firstSeenAt: DATE,
};
const STORY = { id: 'urn:uuid:1c9e1f7a-0000-4000-8000-000000000001', copies: [COPY], categories: ['an-ninh-trat-tu'], datePublished: DATE, dateModified: DATE };
const FILING = { rule: 'urlMap', detail: '/phap-luat/', sourceId: 'bao-tinh', url: COPY.url };

const check = (story: unknown) => findBadEntry({ stories: [story] });

describe('the store entry check and the rules that filed a story', () => {
  it('accepts a story written before rules were remembered', () => {
    expect(check(STORY)).toBeUndefined();
  });

  it('accepts each category with its rule, and rules or fields a newer bantin may add', () => {
    expect(check({ ...STORY, filedBy: { 'an-ninh-trat-tu': FILING } })).toBeUndefined();
    expect(check({ ...STORY, filedBy: { 'an-ninh-trat-tu': { ...FILING, rule: 'manual', note: 'x' } } })).toBeUndefined();
  });

  it.each([
    { name: 'filedBy as a list', filedBy: [FILING], problem: 'stories[0].filedBy: expected record, received array' },
    { name: 'a filing without its rule', filedBy: { 'an-ninh-trat-tu': { ...FILING, rule: undefined } }, problem: 'stories[0].filedBy.an-ninh-trat-tu.rule: missing' },
    { name: 'a filing whose detail is a list', filedBy: { 'an-ninh-trat-tu': { ...FILING, detail: ['trộm'] } }, problem: 'stories[0].filedBy.an-ninh-trat-tu.detail: expected string, received array' },
  ])('refuses $name, naming the place', ({ filedBy, problem }) => {
    expect(check({ ...STORY, filedBy })).toBe(problem);
  });
});
