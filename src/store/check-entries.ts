/**
 * The shape every story, tombstone, alias, source and feed entry of a loaded store must have, so a
 * hand-edited or damaged entry is refused at load instead of failing later as a TypeError.
 */
import { z } from 'zod';

const copyRefSchema = z.looseObject({ sourceId: z.string(), url: z.string() });
// The figures and anchors a bridge's corroboration records; a text match records the same and more.
const figuresSchema = z.looseObject({ compared: z.number(), missing: z.array(z.string()) });
const anchorsSchema = z.looseObject({ shared: z.array(z.string()), weight: z.number() });
const textMatchSchema = z.looseObject({
  rule: z.enum(['verbatim', 'rewrite']),
  containment: z.number(),
  required: z.number(),
  sharedWeight: z.number(),
  figures: figuresSchema.extend({ correction: z.literal(true).optional(), telling: z.number().optional() }),
  anchors: anchorsSchema.extend({ requiredWeight: z.number(), containment: z.number(), required: z.number(), sameTime: z.string().optional() }),
  gapHours: z.number(),
});
// How a copy joined its story (model/types.ts CopyMatch); absent on copies an older bantin stored.
const matchSchema = z.discriminatedUnion('by', [
  z.looseObject({ by: z.literal('first'), at: z.string() }),
  z.looseObject({ by: z.literal('link'), at: z.string(), copy: copyRefSchema }),
  z.looseObject({ by: z.literal('text'), at: z.string(), copy: z.union([copyRefSchema, z.literal('story')]), numbers: textMatchSchema }),
  z.looseObject({
    by: z.literal('joined'),
    at: z.string(),
    via: copyRefSchema,
    through: z.enum(['guid', 'link', 'bridge']),
    copy: z.union([copyRefSchema, z.literal('story')]),
    numbers: textMatchSchema,
    // A bridge join (through: 'bridge'): what the two stories' copies shared that let `via` join them.
    corroboration: z
      .looseObject({
        copies: z.tuple([copyRefSchema, copyRefSchema]),
        anchors: anchorsSchema,
        sameTime: z.string(),
        figures: figuresSchema,
        gapHours: z.number(),
      })
      .optional(),
  }),
]);

// Loose objects: fields an older or newer bantin wrote beside these (a copy's legacy `text`) are kept
// and not judged; only the fields this version reads must have their types.
const copySchema = z.looseObject({
  sourceId: z.string(),
  key: z.string(),
  url: z.string(),
  title: z.string(),
  contentHtml: z.string(),
  datePublished: z.string(),
  sourceCategories: z.array(z.string()),
  author: z.string().optional(),
  imageUrl: z.string().optional(),
  firstSeenAt: z.string(),
  undated: z.boolean().optional(),
  match: matchSchema.optional(),
});

// The rule is a plain string: a newer bantin may know rules this one does not, and only shows them.
const filingSchema = z.looseObject({ rule: z.string(), detail: z.string(), sourceId: z.string(), url: z.string() });

// A story without copies has nothing to show: every stage assumes at least one.
const storySchema = z.looseObject({
  id: z.string().min(1),
  copies: z.array(copySchema).min(1, 'a story needs at least one copy'),
  categories: z.array(z.string()),
  // Optional: stores written before rules were remembered have none until their stories are filed again.
  filedBy: z.record(z.string(), filingSchema).optional(),
  datePublished: z.string(),
  dateModified: z.string(),
});

const tombstoneSchema = z.looseObject({ storyId: z.string(), seenAt: z.string() });
const aliasSchema = z.looseObject({ storyId: z.string(), mergedAt: z.string() });
const feedSchema = z.looseObject({ etag: z.string(), lastModified: z.string() });
const sourceSchema = z.looseObject({
  id: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastFetchAt: z.string().optional(),
  lastSuccessAt: z.string().optional(),
  lastError: z.string().optional(),
  errorCode: z.string().optional(),
  // Optional: health starts from 0 when it is missing.
  consecutiveFailures: z.number().optional(),
  nextAttemptAt: z.string().optional(),
  movedTo: z.string().optional(),
  identity: z.enum(['guid', 'link']).optional(),
  undatedItems: z.number().optional(),
  itemsDropped: z.number().optional(),
  warning: z.string().optional(),
});

const RECORD_SCHEMAS = { sources: sourceSchema, tombstones: tombstoneSchema, feeds: feedSchema, aliases: aliasSchema } as const;

/** The line a top-level array's element was read from, when the file's layout tells. */
export type EntryLine = (container: string, index: number) => number | undefined;

/**
 * Where and why the first bad entry of `data` (already known to be an object with a `stories`
 * array) breaks its shape, e.g. `line 4, stories[1].copies[0].url: missing`; undefined when none does.
 */
export function findBadEntry(data: Record<string, unknown>, lineOf?: EntryLine): string | undefined {
  const stories = data.stories as readonly unknown[];
  for (let index = 0; index < stories.length; index++) {
    const problem = problemOf(storySchema, stories[index]);
    if (problem === undefined) continue;
    const line = lineOf?.('stories', index);
    return `${line === undefined ? '' : `line ${line}, `}stories[${index}]${problem}`;
  }
  for (const [container, schema] of Object.entries(RECORD_SCHEMAS)) {
    const record = data[container] as Record<string, unknown> | undefined;
    if (record === undefined) continue;
    for (const key of Object.keys(record)) {
      const problem = problemOf(schema, record[key]);
      if (problem !== undefined) return `${container}[${JSON.stringify(key)}]${problem}`;
    }
  }
  return undefined;
}

/** The first issue as `.copies[0].url: missing` (path inside the entry, then what is wrong), or undefined. */
function problemOf(schema: z.ZodType, entry: unknown): string | undefined {
  const result = schema.safeParse(entry);
  if (result.success) return undefined;
  const issue = result.error.issues[0]!;
  return `${formatPath(issue.path)}: ${describeIssue(issue, entry)}`;
}

function describeIssue(issue: z.core.$ZodIssue, entry: unknown): string {
  if (issue.path.length === 0 && (entry === null || typeof entry !== 'object' || Array.isArray(entry))) {
    return `expected an object, found ${entry === null ? 'null' : Array.isArray(entry) ? 'an array' : typeof entry}`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'missing';
  return issue.message.replace(/^Invalid input: /, '');
}

function formatPath(parts: readonly PropertyKey[]): string {
  return parts.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}
