import { describe, expect, it } from 'vitest';
import type { Copy, Story } from '../../../src/model/types.ts';
import { chooseIdentity, keyCopies, knownCopiesOf, type KnownCopies } from '../../../src/pipeline/identify/identify-copies.ts';
import { makeCopy } from '../../helpers/make-copy.ts';

const url = (n: number) => `https://congan.example.gov.vn/tin/${n}.html`;
const copy = (key: string, n: number): Copy => makeCopy({ sourceId: 'cong-an', key, url: url(n), title: `Tin ${n}` });

const stored: Story[] = [1, 2, 3].map((n) => ({ id: `urn:uuid:${n}`, copies: [copy(`guid:g${n}`, n)], categories: [], datePublished: '2026-11-25T00:00:00.000Z', dateModified: '2026-11-25T00:00:00.000Z' }));
const known: KnownCopies = knownCopiesOf(stored, { 'cong-an guid:g9': { storyId: 'urn:uuid:9', seenAt: '2026-11-01T00:00:00.000Z' } });

describe('chooseIdentity', () => {
  it.each([
    { name: 'stable guids', copies: [copy('guid:g1', 1), copy('guid:g2', 2), copy('guid:g4', 4)], previous: undefined, expected: { identity: 'guid' } },
    { name: 'a first fetch', copies: [copy('guid:n1', 11), copy('guid:n2', 12)], previous: undefined, expected: { identity: 'guid' } },
    { name: 'one guid changed at a known link', copies: [copy('guid:g1', 1), copy('guid:x2', 2)], previous: undefined, expected: { identity: 'guid' } },
    { name: 'half the guids blank', copies: [copy('guid:g1', 1), copy(`link:${url(5)}`, 5)], previous: undefined, expected: { identity: 'link', reason: 'blank-guid' } },
    { name: 'one blank guid among many', copies: [copy('guid:g1', 1), copy('guid:g2', 2), copy('guid:g3', 3), copy(`link:${url(5)}`, 5)], previous: undefined, expected: { identity: 'guid' } },
    { name: 'one guid for two links', copies: [copy('guid:0', 5), copy('guid:0', 6)], previous: undefined, expected: { identity: 'link', reason: 'repeated-guid' } },
    { name: 'new guids at every known link', copies: [copy('guid:t1', 1), copy('guid:t2', 2), copy('guid:t3', 7)], previous: undefined, expected: { identity: 'link', reason: 'unstable-guid' } },
    { name: 'a source already on links', copies: [copy('guid:g1', 1)], previous: 'link' as const, expected: { identity: 'link', reason: 'was-link' } },
  ])('$name', ({ copies, previous, expected }) => {
    expect(chooseIdentity(copies, previous, known)).toEqual(expected);
  });

  it('counts remembered (pruned) copies as known', () => {
    expect(known.hasKey('cong-an guid:g9')).toBe(true);
    expect(known.hasKey('cong-an guid:g8')).toBe(false);
    expect(known.hasLink('cong-an', url(2))).toBe(true);
    expect(known.hasLink('bao', url(2))).toBe(false);
  });
});

describe('keyCopies', () => {
  it('keys copies by canonical link when the source goes by links', () => {
    expect(keyCopies([copy('guid:t1', 1), copy('guid:t2', 2)], 'link').map((c) => c.key)).toEqual([`link:${url(1)}`, `link:${url(2)}`]);
  });

  it('keeps the first of two items with the same key or the same link', () => {
    const kept = keyCopies([copy('guid:a', 1), copy('guid:a', 1), copy('guid:b', 1), copy('guid:c', 2)], 'guid');
    expect(kept.map((c) => c.key)).toEqual(['guid:a', 'guid:c']);
  });
});
