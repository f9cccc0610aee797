// A child process for the store contract suite (run with `node --import tsx`), any backend:
//   append <location> <tag> <n>  prints "ready", waits for SIGUSR2 (so two writers start at once), appends n
//                                stories `<tag>-<i>`, each under the write lock, then exits.
//   hold <location> <ms>         takes the write lock, prints "held", keeps it for ms (or until killed).
import { openStore } from '../../../src/store/open-store.ts';
import { sampleStory } from './sample-store.ts';

async function append(location: string, tag: string, count: number): Promise<void> {
  const store = openStore(location, { lockTimeoutMs: 30_000 });
  // A signal listener keeps nothing alive: the timer does, until the signal comes (or the test gives up).
  const waiting = setTimeout(() => undefined, 60_000);
  const go = new Promise((resolve) => process.once('SIGUSR2', resolve));
  process.stdout.write('ready\n');
  await go;
  clearTimeout(waiting);
  for (let i = 0; i < count; i++) {
    await store.withWriteLock(async () => {
      const data = await store.load();
      data.stories.push({ ...sampleStory(i), id: `urn:bantin-test:${tag}-${i}` });
      // Give the other writer a chance to try while we hold the lock between load and save.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await store.save(data);
    });
  }
  await store.close();
}

async function hold(location: string, ms: number): Promise<void> {
  const store = openStore(location);
  await store.withWriteLock(async () => {
    process.stdout.write('held\n');
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
  await store.close();
}

const [mode, location, ...rest] = process.argv.slice(2);
if (mode === 'append' && location && rest.length === 2) await append(location, rest[0]!, Number(rest[1]));
else if (mode === 'hold' && location && rest.length === 1) await hold(location, Number(rest[0]));
else throw new Error(`usage: append <location> <tag> <n> | hold <location> <ms> (got ${process.argv.slice(2).join(' ')})`);
