/**
 * JSON Schema (draft 2020-12) for JSON Feed 1.1, written from jsonfeed.org/version/1.1, and
 * for bantin's profile of it: the fields SPEC.md and issue 5 promise, and the `_bantin` extension.
 * Stricter than readers need in one way: a key that is neither in the spec nor an
 * `_extension` is an error, so a typo or a version-1 leftover cannot pass unseen.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

// Names of extension objects: an underscore, then a letter (spec, "Extensions").
const EXTENSIONS = { '^_[A-Za-z]': { type: 'object' } } as const;
const URL_STRING = { type: 'string', format: 'uri' } as const;
const DATE = { type: 'string', format: 'date-time' } as const;
const LANGUAGE = { type: 'string', pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' } as const;

const author = {
  type: 'object',
  properties: { name: { type: 'string' }, url: URL_STRING, avatar: URL_STRING },
  // "must include at least one of them"
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

const attachment = {
  type: 'object',
  required: ['url', 'mime_type'],
  properties: {
    url: URL_STRING,
    mime_type: { type: 'string', pattern: '^[a-z]+/[^\\s/]+$' },
    title: { type: 'string' },
    size_in_bytes: { type: 'number', minimum: 0 },
    duration_in_seconds: { type: 'number', minimum: 0 },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

const item = {
  type: 'object',
  required: ['id'],
  properties: {
    id: { type: 'string', minLength: 1 },
    url: URL_STRING,
    external_url: URL_STRING,
    title: { type: 'string' },
    content_html: { type: 'string' },
    content_text: { type: 'string' },
    summary: { type: 'string' },
    image: URL_STRING,
    banner_image: URL_STRING,
    date_published: DATE,
    date_modified: DATE,
    authors: { type: 'array', items: author },
    // Deprecated in 1.1 but still valid; bantin's profile forbids it below.
    author,
    tags: { type: 'array', items: { type: 'string' } },
    language: LANGUAGE,
    attachments: { type: 'array', items: attachment },
  },
  // "content_html and content_text are each optional strings — but one or both must be present."
  anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

export const JSON_FEED_1_1_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://jsonfeed.org/version/1.1',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: URL_STRING,
    feed_url: URL_STRING,
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: URL_STRING,
    icon: URL_STRING,
    favicon: URL_STRING,
    authors: { type: 'array', items: author },
    author,
    language: LANGUAGE,
    expired: { type: 'boolean' },
    hubs: {
      type: 'array',
      items: { type: 'object', required: ['type', 'url'], properties: { type: { type: 'string' }, url: URL_STRING }, additionalProperties: false },
    },
    items: { type: 'array', items: item },
  },
  patternProperties: EXTENSIONS,
  additionalProperties: false,
} as const;

/** What bantin promises on top of the spec (SPEC.md "Stories", issue 5 "Valid to the letter"). */
export const BANTIN_JSON_FEED_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://bantin.invalid/schema/json-feed-profile',
  allOf: [{ $ref: 'https://jsonfeed.org/version/1.1' }],
  type: 'object',
  required: ['home_page_url', 'feed_url', 'language', 'authors'],
  properties: {
    author: false,
    language: { const: 'vi' },
    authors: { type: 'array', minItems: 1 },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['url', 'title', 'content_html', 'date_published', 'date_modified', '_bantin'],
        properties: {
          // feed 6.0.0 writes the singular `author` of version 1; bantin writes `authors` only.
          author: false,
          id: { type: 'string', pattern: '^[a-z][a-z0-9+.-]*:\\S+$' },
          _bantin: {
            type: 'object',
            required: ['sources', 'categories', 'story_url'],
            additionalProperties: false,
            properties: {
              // SPEC "Story pages and the partner API": the story's page on this service.
              story_url: URL_STRING,
              // SPEC "Story pages and the partner API": each category with the rule that filed it (absent when not known).
              categories: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id'],
                  additionalProperties: false,
                  properties: { id: { type: 'string', minLength: 1 }, rule: { enum: ['categoryMap', 'urlMap', 'keyword'] }, detail: { type: 'string' } },
                },
              },
              sources: {
                type: 'array',
                minItems: 1,
                items: {
                  type: 'object',
                  required: ['id', 'name', 'url', 'date_published'],
                  additionalProperties: false,
                  properties: { id: { type: 'string' }, name: { type: 'string', minLength: 1 }, url: URL_STRING, date_published: DATE },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

export type JsonFeedValidator = (document: unknown) => string[];

/** Compiles a validator; `profile: 'bantin'` adds bantin's promises to the spec's rules. */
export function createJsonFeedValidator(profile: 'spec' | 'bantin' = 'bantin'): JsonFeedValidator {
  // strictRequired would refuse the spec's "at least one of" rules written as anyOf of required.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  formatsPlugin.default(ajv);
  ajv.addSchema(JSON_FEED_1_1_SCHEMA);
  const validate = profile === 'bantin' ? ajv.compile(BANTIN_JSON_FEED_SCHEMA) : ajv.getSchema(JSON_FEED_1_1_SCHEMA.$id)!;
  return (document) => {
    if (validate(document)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
  };
}
