// The store contract suite against the lowdb JSON file: today's behaviour, pinned before PostgreSQL joins.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeTempDir } from '../../helpers/temp-dir.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract({
  name: 'lowdb JSON file',
  freshLocation: async () => path.join(await makeTempDir(), 'db.json'),
  async corrupt(file) {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
  },
  async makeNewer(file) {
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^\{"schemaVersion":\d+,/, '{"schemaVersion":99,'));
  },
});
