/** `store:copy`'s arguments: `--from <store> --to <store>`, file paths relative to the folder the user typed the command in. */
import path from 'node:path';
import { ConfigError } from '../errors.ts';
import { isPostgresUrl, storeLocationProblem } from '../store/store-location.ts';

export interface StoreCopyArgs {
  from: string;
  to: string;
  /** Copy over a target that already holds a store. */
  replace: boolean;
}

export function parseStoreCopyArgs(argv: readonly string[], env: NodeJS.ProcessEnv): StoreCopyArgs {
  const folder = env.INIT_CWD || process.cwd();
  const problems: string[] = [];
  const value = (flag: string): string | undefined => {
    const index = argv.indexOf(flag);
    const inline = argv.find((arg) => arg.startsWith(`${flag}=`));
    const found = inline !== undefined ? inline.slice(flag.length + 1) : index === -1 ? undefined : argv[index + 1];
    if (found === undefined || found === '' || found.startsWith('--')) {
      problems.push(`${flag}: needs a store (a file path or a postgres:// URL)`);
      return undefined;
    }
    const problem = storeLocationProblem(found);
    if (problem !== undefined) problems.push(`${flag}: ${problem}`);
    return isPostgresUrl(found) ? found : path.resolve(folder, found);
  };
  const from = value('--from');
  const to = value('--to');
  if (from !== undefined && from === to) problems.push('--to: the same store as --from');
  if (problems.length > 0) throw new ConfigError('(command line)', problems);
  return { from: from!, to: to!, replace: argv.includes('--replace') };
}
