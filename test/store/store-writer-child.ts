// A child process for the store's crash and concurrency tests (run with `node --import tsx`).
//   grow <file> [n]         writes ever larger stores in a loop until killed (or n saves); prints
//                           "saved <generation>" after each save returns, so the parent knows which states were written in full.
//   append <file> <tag> <n> appends n stories `<tag>-<i>`, each under the write lock, then exits.
// Each save carries `writerCheck: { generation, checksum }` so the parent can tell a whole state from a torn one.
import { createLowdbStore } from '../../src/store/lowdb-store.ts';
import { storiesChecksum, storyFor, type CheckedStoreData } from './writer-check.ts';

async function grow(file: string, saves: number): Promise<void> {
  const store = createLowdbStore(file, { lockTimeoutMs: 10_000 });
  process.stdout.write('ready\n');
  for (let i = 0; i < saves; i++) {
    const generation = await store.withWriteLock(async () => {
      const data = (await store.load()) as CheckedStoreData;
      const next = (data.writerCheck?.generation ?? 0) + 1;
      data.stories.push(storyFor(String(next), next));
      data.writerCheck = { generation: next, checksum: storiesChecksum(data.stories) };
      await store.save(data);
      return next;
    });
    process.stdout.write(`saved ${generation}\n`);
  }
}

async function append(file: string, tag: string, count: number): Promise<void> {
  const store = createLowdbStore(file, { lockTimeoutMs: 30_000 });
  for (let i = 0; i < count; i++) {
    await store.withWriteLock(async () => {
      const data = await store.load();
      data.stories.push(storyFor(`${tag}-${i}`, i));
      // Give the other writer a chance to try while we hold the lock between load and save.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await store.save(data);
    });
  }
}

const [mode, file, tag, count] = process.argv.slice(2); // for grow, the third argument is the number of saves
if (mode === 'grow' && file) await grow(file, tag === undefined ? Infinity : Number(tag));
else if (mode === 'append' && file && tag && count) await append(file, tag, Number(count));
else if (mode !== undefined) throw new Error(`usage: grow <file> | append <file> <tag> <n> (got ${process.argv.slice(2).join(' ')})`);
