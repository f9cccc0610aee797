// The store contract suite against PostgreSQL: a database per test, created and dropped here.
import { createTestDatabase, onDatabase, skipWithoutPostgres } from '../../helpers/postgres-database.ts';
import { describeStoreContract } from './store-contract.ts';

if (!(await skipWithoutPostgres('PostgreSQL store contract'))) {
  describeStoreContract({
    name: 'PostgreSQL',
    freshLocation: createTestDatabase,
    async corrupt(url) {
      // A story left without copies: the check every loaded store passes refuses it.
      await onDatabase(url, (client) => client.query('DELETE FROM copies WHERE story_id = (SELECT id FROM stories ORDER BY position LIMIT 1)'));
    },
    async makeNewer(url) {
      await onDatabase(url, (client) => client.query('INSERT INTO bantin_schema (version) VALUES (99)'));
    },
  });
}
