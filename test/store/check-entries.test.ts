// The shape check of store entries (src/store/check-entries.ts) for the record of how each copy joined
// its story: every kind merging writes loads, a copy an older bantin stored without one loads, and a
// damaged record is refused naming where it breaks.
import { describe, expect, it } from 'vitest';
import { findBadEntry } from '../../src/store/check-entries.ts';

const DATE = '2026-11-25T02:30:00.000Z';
const COPY = {
  sourceId: 'bao-tinh',
  key: 'guid:bt-2611',
  url: 'https://baotinh.example.vn/tin/bt-2611.html',
  title: 'Xe tải va chạm xe máy trên Quốc lộ 7A, hai người tử vong',
  contentHtml: '<p>Khoảng 21 giờ 15 phút tối 5/1, trên Quốc lộ 7A đoạn qua xã Hòa Quân đã xảy ra va chạm.</p>',
  datePublished: DATE,
  sourceCategories: [],
  firstSeenAt: DATE,
};
const POLICE = { sourceId: 'cong-an-tinh', url: 'https://congan.example.vn/tin/ca-0501.html' };
const TEXT = {
  rule: 'rewrite',
  containment: 0.12,
  required: 0,
  sharedWeight: 3.5,
  figures: { compared: 4, missing: [] },
  anchors: { shared: ['hoà quân', '37c-418.62'], weight: 2, requiredWeight: 1.5, containment: 1, required: 0.75 },
  gapHours: 10.8,
};

function storeWith(match: unknown): Record<string, unknown> {
  const copy = match === undefined ? COPY : { ...COPY, match };
  return { stories: [{ id: 'urn:uuid:5f0c1d52-8a9e-4f43-9d55-0f6f3a2b7c10', copies: [copy], categories: [], datePublished: DATE, dateModified: DATE }] };
}

describe('findBadEntry, for the match record of a copy', () => {
  it.each([
    { name: 'no record (a copy stored before merging recorded one)', match: undefined },
    { name: 'started its story', match: { by: 'first', at: DATE } },
    { name: 'joined by the same link', match: { by: 'link', at: DATE, copy: POLICE } },
    { name: 'joined by text, matching one copy', match: { by: 'text', at: DATE, copy: POLICE, numbers: TEXT } },
    { name: 'joined by text, matching the story\'s copies together', match: { by: 'text', at: DATE, copy: 'story', numbers: { ...TEXT, rule: 'verbatim' } } },
    { name: 'its story joined through another copy', match: { by: 'joined', at: DATE, via: POLICE, through: 'guid', copy: POLICE, numbers: TEXT } },
    { name: 'a field a newer bantin added', match: { by: 'text', at: DATE, copy: POLICE, numbers: { ...TEXT, titleShare: 0.4 }, note: 'kept' } },
  ])('loads a copy with $name', ({ match }) => {
    expect(findBadEntry(storeWith(match))).toBeUndefined();
  });

  it.each([
    { name: 'an unknown kind', match: { by: 'guess', at: DATE }, path: 'stories[0].copies[0].match.by' },
    { name: 'a text match without its numbers', match: { by: 'text', at: DATE, copy: POLICE }, path: 'stories[0].copies[0].match.numbers: missing' },
    { name: 'a containment that is not a number', match: { by: 'text', at: DATE, copy: POLICE, numbers: { ...TEXT, containment: '0.12' } }, path: 'stories[0].copies[0].match.numbers.containment' },
    { name: 'a matched copy without its link', match: { by: 'link', at: DATE, copy: { sourceId: 'cong-an-tinh' } }, path: 'stories[0].copies[0].match.copy.url: missing' },
    { name: 'a join through something other than a guid or a link', match: { by: 'joined', at: DATE, via: POLICE, through: 'text', copy: 'story', numbers: TEXT }, path: 'stories[0].copies[0].match.through' },
  ])('refuses $name, naming where', ({ match, path }) => {
    expect(findBadEntry(storeWith(match))).toContain(path);
  });
});
