/** Reads, validates and freezes the config: the only module that reads process.env or the config file. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';
import type { CategoryConfig, Config, SourceConfig } from '../model/types.ts';
import { isPostgresUrl, storeLocationProblem } from '../store/store-location.ts';
import { configSchema, type ConfigInput } from './config-schema.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_CONFIG_PATH = path.join(REPO_ROOT, 'bantin.config.json');

/**
 * Where the config comes from: `--config <path>`, else BANTIN_CONFIG, else the repository's own file.
 * A relative path is the user's: npm runs scripts from the package folder but keeps the folder the
 * user typed in as INIT_CWD.
 */
export function resolveConfigPath(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const userFolder = env.INIT_CWD || process.cwd();
  const flag = argv.indexOf('--config');
  if (flag !== -1) {
    const value = argv[flag + 1];
    if (value === undefined || value.startsWith('--')) throw new ConfigError('(command line)', ['--config: needs a path']);
    return path.resolve(userFolder, value);
  }
  const inline = argv.find((arg) => arg.startsWith('--config='));
  if (inline !== undefined) return path.resolve(userFolder, inline.slice('--config='.length));
  if (env.BANTIN_CONFIG) return path.resolve(userFolder, env.BANTIN_CONFIG);
  return DEFAULT_CONFIG_PATH;
}

/** Loads the config file; throws ConfigError naming every bad field. Writes nothing. */
export function loadConfig(configPath: string, env: NodeJS.ProcessEnv = {}): Config {
  const raw = readJson(configPath);
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(configPath, parsed.error.issues.map(describeIssue));
  const input = parsed.data;
  const defaults = input.categories && input.sources ? undefined : loadShippedDefaults(configPath);
  const port = portFrom(env, configPath) ?? input.port;
  const config = buildConfig(input, {
    configPath,
    port,
    store: storeFrom(env, configPath) ?? resolveStore(input.store, path.dirname(configPath)),
    categories: input.categories ?? defaults!.categories,
    sources: input.sources ? resolveSources(input.sources, path.dirname(configPath), input.timezone) : defaults!.sources,
  });
  const problems = crossCheck(config);
  if (problems.length > 0) throw new ConfigError(configPath, problems);
  return deepFreeze(config);
}

function readJson(configPath: string): unknown {
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(configPath, [`cannot read the file (${code})`]);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(configPath, [`not valid JSON: ${(error as Error).message}`]);
  }
}

/** Turns a zod issue into `sources[3].url: required`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${joinPath(where, key)}: unknown key`).join('\n  ');
  }
  // A bad record key (a urlMap prefix) carries the key's own problem inside.
  if (issue.code === 'invalid_key' && issue.issues[0] !== undefined) return `${where}: ${issue.issues[0].message}`;
  const message = /received undefined/.test(issue.message) ? 'required' : issue.message;
  return `${where || '(top level)'}: ${message}`;
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : joinPath(out, String(part))), '');
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** BANTIN_STORE: a PostgreSQL URL, or a file path relative to the folder the user typed the command in. */
function storeFrom(env: NodeJS.ProcessEnv, configPath: string): string | undefined {
  const value = env.BANTIN_STORE;
  if (value === undefined || value === '') return undefined;
  const problem = storeLocationProblem(value);
  if (problem !== undefined) throw new ConfigError(configPath, [`BANTIN_STORE: ${problem}`]);
  return resolveStore(value, env.INIT_CWD || process.cwd());
}

function resolveStore(location: string, folder: string): string {
  return isPostgresUrl(location) ? location : path.resolve(folder, location);
}

function portFrom(env: NodeJS.ProcessEnv, configPath: string): number | undefined {
  if (env.PORT === undefined || env.PORT === '') return undefined;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(configPath, [`PORT: not a port number: ${env.PORT}`]);
  return port;
}

type SourceInput = NonNullable<ConfigInput['sources']>[number];

function resolveSources(sources: readonly SourceInput[], folder: string, timezone: string): SourceConfig[] {
  return sources.map((source) => ({
    ...source,
    file: source.file === undefined ? undefined : path.resolve(folder, source.file),
    timezone: source.timezone ?? timezone,
  }));
}

/** The repository's own categories and demo sources, used where a config leaves them out. */
function loadShippedDefaults(configPath: string): { categories: CategoryConfig[]; sources: SourceConfig[] } {
  if (path.resolve(configPath) === DEFAULT_CONFIG_PATH) throw new ConfigError(configPath, ['categories: required', 'sources: required']);
  const shipped = loadConfig(DEFAULT_CONFIG_PATH);
  return { categories: [...shipped.categories], sources: [...shipped.sources] };
}

function buildConfig(
  input: ConfigInput,
  parts: { configPath: string; port: number; store: string; categories: CategoryConfig[]; sources: SourceConfig[] },
): Config {
  const folder = path.dirname(parts.configPath);
  return {
    configPath: parts.configPath,
    port: parts.port,
    baseUrl: (input.baseUrl ?? `http://localhost:${parts.port}`).replace(/\/+$/, ''),
    schedule: input.schedule,
    timezone: input.timezone,
    store: parts.store,
    outDir: path.resolve(folder, input.outDir),
    feedSize: input.feedSize,
    retentionDays: input.retentionDays,
    fetchTimeoutSeconds: input.fetchTimeoutSeconds,
    maxFeedBytes: input.maxFeedBytes,
    maxItemsPerFetch: input.maxItemsPerFetch,
    categories: parts.categories,
    websubHub: input.websubHub,
    sources: parts.sources,
    hostDelaySeconds: input.hostDelaySeconds,
  };
}

/** Rules across fields: unique ids, categoryMap and urlMap targets that exist. */
function crossCheck(config: Config): string[] {
  const problems: string[] = [];
  const categoryIds = new Set<string>();
  config.categories.forEach((category, index) => {
    if (categoryIds.has(category.id)) problems.push(`categories[${index}].id: duplicate id "${category.id}"`);
    categoryIds.add(category.id);
  });
  const sourceIds = new Set<string>();
  config.sources.forEach((source, index) => {
    if (sourceIds.has(source.id)) problems.push(`sources[${index}].id: duplicate id "${source.id}"`);
    sourceIds.add(source.id);
    for (const [name, target] of Object.entries(source.categoryMap)) {
      if (!categoryIds.has(target)) problems.push(`sources[${index}].categoryMap.${name}: no category "${target}"`);
    }
    for (const [prefix, target] of Object.entries(source.urlMap ?? {})) {
      if (!categoryIds.has(target)) problems.push(`sources[${index}].urlMap.${prefix}: no category "${target}"`);
    }
  });
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
