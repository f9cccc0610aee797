/** bantin's own version, read once from package.json, for the User-Agent and the home page. */
import { readFileSync } from 'node:fs';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export const VERSION = packageJson.version;

export function userAgent(baseUrl: string): string {
  return `bantin/${VERSION} (+${baseUrl})`;
}
