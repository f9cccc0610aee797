// Replays a store file whose JSON is valid but whose entries are not bantin's (`"stories":[null]`, a story without copies, a copy without link, wrong types).
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/load-config.ts';
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const DATE = '2026-11-25T02:30:00.000Z';
const COPY = {
  sourceId: 'cong-an-tinh',
  key: 'guid:ca-2611',
  url: 'https://congan.example.gov.vn/tin/ca-2611.html',
  title: 'Khởi tố đối tượng lừa đảo bán vé máy bay qua mạng',
  contentHtml: '<p>Cơ quan Cảnh sát điều tra Công an tỉnh khởi tố bị can về tội lừa đảo chiếm đoạt tài sản.</p>',
  datePublished: DATE,
  sourceCategories: ['An ninh trật tự'],
  firstSeenAt: DATE,
};
const STORY = { id: 'urn:uuid:5f0c1d52-8a9e-4f43-9d55-0f6f3a2b7c10', copies: [COPY], categories: ['an-ninh-trat-tu'], datePublished: DATE, dateModified: DATE };

/** A store in the line layout bantin writes: one line per story, tombstone and alias. */
function lineLayout(stories: unknown[], extra: { tombstones?: Record<string, unknown>; aliases?: Record<string, unknown> } = {}): string {
  const container = (entries: string[], open: string, close: string) => (entries.length === 0 ? `${open}${close}` : `${open}\n${entries.join(',\n')}\n${close}`);
  const members = [
    `"stories":${container(stories.map((story) => JSON.stringify(story)), '[', ']')}`,
    '"sources":{}',
    `"tombstones":${container(Object.entries(extra.tombstones ?? {}).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`), '{', '}')}`,
    '"feeds":{}',
    ...(extra.aliases ? [`"aliases":${container(Object.entries(extra.aliases).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`), '{', '}')}`] : []),
  ];
  return `{"schemaVersion":1,\n${members.join(',\n')}\n}\n`;
}

const { url: _url, ...copyWithoutLink } = COPY;
const { copies: _copies, ...storyWithoutCopies } = STORY;

const CASES = [
  { name: 'a null story, as plain JSON', file: '{"schemaVersion":1,"stories":[null],"sources":{},"tombstones":{},"feeds":{}}', entry: 'stories[0]' },
  { name: 'a null story in the line layout', file: lineLayout([STORY, null]), entry: 'line 4, stories[1]' },
  { name: 'a story without copies', file: lineLayout([storyWithoutCopies]), entry: 'line 3, stories[0].copies' },
  { name: 'a story with an empty list of copies', file: lineLayout([STORY, STORY, { ...STORY, copies: [] }]), entry: 'line 5, stories[2].copies' },
  { name: 'a copy without a link', file: lineLayout([{ ...STORY, copies: [COPY, copyWithoutLink] }]), entry: 'line 3, stories[0].copies[1].url' },
  { name: 'categories as a string', file: lineLayout([{ ...STORY, categories: 'an-ninh-trat-tu' }]), entry: 'stories[0].categories' },
  { name: 'a date as a number', file: lineLayout([{ ...STORY, copies: [{ ...COPY, datePublished: 1764037800000 }] }]), entry: 'stories[0].copies[0].datePublished' },
  { name: 'a null tombstone', file: lineLayout([STORY], { tombstones: { 'cong-an-tinh guid:ca-1': null } }), entry: 'tombstones["cong-an-tinh guid:ca-1"]' },
  { name: 'an alias naming no story id', file: lineLayout([STORY], { aliases: { 'urn:uuid:1': { storyId: 7, mergedAt: DATE } } }), entry: 'aliases["urn:uuid:1"].storyId' },
];

async function configIn(dir: string): Promise<string> {
  const configFile = path.join(dir, 'bantin.json');
  const source = { id: 'cong-an-tinh', name: 'Công an tỉnh', file: path.join(REPO_ROOT, 'data/demo/cong-an-tinh.xml') };
  await writeFile(configFile, JSON.stringify({ store: 'data/db.json', outDir: 'feeds', sources: [source] }));
  return configFile;
}

describe('a store with bad entries', () => {
  it.each(CASES)('refuses $name with the restore message, exit 1, and leaves the file as it was', async ({ file, entry }) => {
    const dir = await makeTempDir();
    const configFile = await configIn(dir);
    const storeFile = path.join(dir, 'data', 'db.json');
    await mkdir(path.dirname(storeFile), { recursive: true });
    await writeFile(storeFile, file);

    const result = await runCli(['ingest', '--config', configFile]);

    expect(result.stderr).not.toMatch(/TypeError|\n\s+at /);
    expect(result.stderr).toContain(`store: ${storeFile} holds a bad entry`);
    expect(result.stderr).toContain(entry);
    expect(result.stderr).toContain(`cp ${storeFile}.bak ${storeFile}`);
    expect(result.code).toBe(1);
    expect(await readFile(storeFile, 'utf8')).toBe(file);
    expect(await readdir(path.dirname(storeFile))).toEqual(['db.json']);
    expect(await readdir(dir)).not.toContain('feeds');
  });

  it('still loads a good store in both layouts, and one whose copies carry fields an older bantin wrote', async () => {
    const dir = await makeTempDir();
    const older = { ...STORY, copies: [{ ...COPY, text: 'Cơ quan Cảnh sát điều tra Công an tỉnh khởi tố bị can.' }] };
    for (const [name, file] of [
      ['lines.json', lineLayout([STORY, older], { tombstones: { 'cong-an-tinh guid:ca-1': { storyId: 'urn:uuid:2', seenAt: DATE } } })],
      ['plain.json', JSON.stringify({ schemaVersion: 1, stories: [STORY, older], sources: {}, tombstones: {}, feeds: {} }, null, 2)],
    ] as const) {
      await writeFile(path.join(dir, name), file);
      const data = await createLowdbStore(path.join(dir, name)).load();
      expect(data.stories).toHaveLength(2);
      expect(data.stories[1]!.copies[0]).not.toHaveProperty('text');
    }
  });
});
