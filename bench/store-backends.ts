/**
 * `npx tsx bench/store-backends.ts [--stories 20000] [--url postgres://…]`: load and save times of the
 * lowdb file and the PostgreSQL store on one synthetic store (two copies a story), side by side: a
 * whole save, a cold load by another process's store, and a cycle's save of 50 changed and 10 new stories.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Copy, StoreData, Story } from '../src/model/types.ts';
import { createEmptyStoreData } from '../src/store/empty-store.ts';
import { openStore } from '../src/store/open-store.ts';
import type { StoreChanges } from '../src/store/store-changes.ts';

const argv = process.argv.slice(2);
const option = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const STORIES = Number(option('--stories') ?? 20_000);
const SERVER = option('--url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PARAGRAPH = 'Chiều ngày 24/11, Ủy ban nhân dân tỉnh tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội, bảo đảm quốc phòng an ninh trên địa bàn. ';

function copyOf(source: string, n: number): Copy {
  const date = new Date(Date.UTC(2026, 8, 1) + n * 60_000).toISOString();
  return {
    sourceId: source, key: `guid:${source}-${n}`, url: `https://${source}.example.vn/tin/${n}.html`,
    title: `Bản tin số ${n}: tỉnh triển khai nhiệm vụ trọng tâm tháng 12`, contentHtml: `<p>${PARAGRAPH.repeat(12)}</p>`,
    datePublished: date, sourceCategories: ['Thời sự'], firstSeenAt: date,
  };
}

function storyOf(n: number): Story {
  const copies = [copyOf(`cong-${n % 40}`, n), copyOf(`bao-${n % 17}`, n)];
  return { id: `urn:uuid:bench-${n}`, copies, categories: ['chinh-tri'], datePublished: copies[0]!.datePublished, dateModified: copies[0]!.datePublished };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}

/** Changes 50 stories (a new copy each) and adds 10, as a busy cycle does; what changed, said. */
function cycle(data: StoreData, round: number): StoreChanges {
  const changed = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const story = data.stories[(round * 997 + i * 389) % data.stories.length]!;
    story.copies = [...story.copies, copyOf(`moi-${round}`, i)];
    changed.add(story.id);
  }
  for (let i = 0; i < 10; i++) {
    const story = storyOf(STORIES + round * 10 + i);
    data.stories.push(story);
    changed.add(story.id);
  }
  return { stories: changed, removed: new Set() };
}

async function measure(location: string): Promise<Record<string, number>> {
  const data = createEmptyStoreData();
  for (let n = 0; n < STORIES; n++) data.stories.push(storyOf(n));
  const writer = openStore(location);
  const save = await timed(() => writer.save(data));
  const reader = openStore(location);
  const load = await timed(() => reader.load());
  const loaded = load.value;
  const cycles: number[] = [];
  for (let round = 0; round < 3; round++) {
    const changes = cycle(loaded, round);
    cycles.push((await timed(() => reader.withWriteLock(() => reader.save(loaded, changes)))).ms);
  }
  const unchanged = await timed(() => reader.load());
  await Promise.all([writer.close(), reader.close()]);
  return { wholeSaveMs: save.ms, coldLoadMs: load.ms, cycleSaveMs: Math.min(...cycles), reloadUnchangedMs: unchanged.ms };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-store-bench-'));
const database = `bantin_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: SERVER });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
try {
  const file = path.join(dir, 'db.json');
  const lowdb = await measure(file);
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  const postgres = await measure(url.toString());
  const size = await admin.query<{ size: string }>('SELECT pg_database_size($1) AS size', [database]);
  console.log(`${STORIES} stories, ${STORIES * 2} copies`);
  console.table({
    lowdb: { ...lowdb, sizeMB: Math.round((await stat(file)).size / 1e6) },
    postgres: { ...postgres, sizeMB: Math.round(Number(size.rows[0]!.size) / 1e6) },
  });
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
}
