/** The config file's shape, defaults and field rules, as a zod schema (SPEC.md "Configuration"). */
import { z } from 'zod';
import cron from 'node-cron';
import { storeLocationProblem } from '../store/store-location.ts';
import { htmlRulesSchema, LIST_PAGE_KEYS } from './html-rules-schema.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG, 'must be a lowercase ASCII slug (a-z, 0-9, -)');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isTimeZone, 'not a known IANA time zone');

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

const httpUrl = z.string().refine(isHttpUrl, 'must be an http(s) URL');

const categorySchema = z.strictObject({
  id: slug.refine((id) => id !== 'all', '"all" is reserved for the feed of every story'),
  title: z.string().trim().min(1, 'required'),
  description: z.string().optional(),
  keywords: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  exclude: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  agencies: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  frames: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  beneficiaries: z.array(z.string().trim().min(1, 'must not be empty')).default([]),
  ownEvents: z
    .strictObject({ bodies: z.array(z.string().trim().min(1, 'must not be empty')), events: z.array(z.string().trim().min(1, 'must not be empty')) })
    .optional(),
});

// A path prefix of the item's link as the portal writes it; `/` files every item of the source.
const pathPrefix = z.string().regex(/^\//, 'must be a path starting with "/"');

const sourceSchema = z
  .strictObject({
    id: slug,
    name: z.string().trim().min(1, 'required'),
    url: httpUrl.optional(),
    file: z.string().min(1).optional(),
    priority: z.number().int().default(0),
    categoryMap: z.record(z.string(), slug).default({}),
    urlMap: z.record(pathPrefix, slug).default({}),
    timezone: timeZone.optional(),
    enabled: z.boolean().default(true),
    html: htmlRulesSchema.optional(),
    fullText: z.boolean().default(false),
  })
  .superRefine((source, ctx) => {
    if (source.url === undefined && source.file === undefined) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'required (or file)' });
    }
    if (source.url !== undefined && source.file !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['file'], message: 'give url or file, not both' });
    }
    for (const key of source.fullText ? LIST_PAGE_KEYS : []) {
      if (source.html?.[key] !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['html', key], message: 'a list-page key; with fullText the feed lists the articles' });
      }
    }
  });

export const configSchema = z.strictObject({
  port: z.number().int().min(0).max(65535).default(8080),
  baseUrl: httpUrl.optional(),
  schedule: z
    .string()
    .refine((expression) => cron.validate(expression), 'not a valid cron expression')
    .default('*/15 * * * *'),
  timezone: timeZone.default('Asia/Ho_Chi_Minh'),
  store: z
    .string()
    .min(1)
    .superRefine((location, ctx) => {
      const problem = storeLocationProblem(location);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
    })
    .default('data/db.json'),
  outDir: z.string().min(1).default('feeds'),
  feedSize: z.number().int().min(1).max(1000).default(50),
  retentionDays: z.number().min(1).default(90),
  fetchTimeoutSeconds: z.number().positive().max(600).default(20),
  maxFeedBytes: z.number().int().min(1024).default(10_000_000),
  maxItemsPerFetch: z.number().int().min(1).default(500),
  categories: z.array(categorySchema).optional(),
  websubHub: httpUrl.optional(),
  sources: z.array(sourceSchema).optional(),
  hostDelaySeconds: z.number().min(0).max(60).default(1),
});

export type ConfigInput = z.infer<typeof configSchema>;
