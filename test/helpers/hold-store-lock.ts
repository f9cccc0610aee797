/** Child process for tests: holds a store's writer lock for a while, as npm start does during an ingestion. */
import { createLowdbStore } from '../../src/store/lowdb-store.ts';

const [storeFile, holdMs] = process.argv.slice(2);
await createLowdbStore(storeFile!).withWriteLock(async () => {
  process.stdout.write('held\n');
  await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
});
