/** The OpenAPI 3.1 description of the `/api/` routes, served at `/api/openapi.json`; the tests check it and the answers against it. */
import { VERSION } from '../version.ts';

const ERROR = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
} as const;

const SOURCE = { type: 'object', additionalProperties: false, required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } as const;
const STORY_ID = { name: 'id', in: 'path', required: true, description: 'The story id without its `urn:uuid:` prefix.', schema: { type: 'string', format: 'uuid' } } as const;
const CORS_HEADER = { 'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } } } as const;
const ETAG = { ETag: { description: 'Send it back as If-None-Match; an unchanged answer is 304.', schema: { type: 'string' } } } as const;

function jsonError(description: string, schemaRef = '#/components/schemas/Error') {
  return { description, headers: CORS_HEADER, content: { 'application/json': { schema: { $ref: schemaRef } } } };
}

/** The document for a service reached at `baseUrl`. */
export function openApiDocument(baseUrl: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'bantin partner API',
      version: VERSION,
      description: 'Stories bantin merged from provincial portals, and the changes to them, for partners who republish headlines.',
    },
    servers: [{ url: baseUrl }],
    paths: {
      '/api/stories/{id}': {
        get: {
          operationId: 'getStory',
          summary: 'One story: every copy, why the copies are one story, and the rule that filed each category.',
          parameters: [STORY_ID, { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The story.', headers: { ...CORS_HEADER, ...ETAG }, content: { 'application/json': { schema: { $ref: '#/components/schemas/Story' } } } },
            '301': { description: 'The id was absorbed by a merge; Location names the survivor.', headers: { ...CORS_HEADER, Location: { schema: { type: 'string', format: 'uri' } } } },
            '304': { description: 'Unchanged since the ETag sent.', headers: CORS_HEADER },
            '404': jsonError('No story with this id.'),
            '410': jsonError('The story was removed by retention.'),
          },
        },
      },
      '/api/changes': {
        get: {
          operationId: 'listChanges',
          summary: 'Every change to the stories in order, at most 500 a page.',
          parameters: [
            { name: 'since', in: 'query', required: false, description: 'The `next` of the previous page; without it, from the oldest change held.', schema: { type: 'string', pattern: '^[0-9]{1,15}$' } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'The changes after `since`; none means up to date.', headers: { ...CORS_HEADER, ...ETAG }, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChangePage' } } } },
            '304': { description: 'Nothing changed since the ETag sent.', headers: CORS_HEADER },
            '400': jsonError('A malformed cursor.'),
            '410': jsonError('The cursor is older than the oldest change held (or newer than any).', '#/components/schemas/ExpiredCursor'),
          },
        },
      },
      '/api/openapi.json': {
        get: { operationId: 'getOpenApi', summary: 'This document.', responses: { '200': { description: 'OpenAPI 3.1', headers: CORS_HEADER, content: { 'application/json': { schema: { type: 'object' } } } } } },
      },
    },
    components: {
      schemas: {
        Error: ERROR,
        ExpiredCursor: {
          type: 'object',
          required: ['error', 'message', 'oldest', 'restart_since'],
          properties: { ...ERROR.properties, oldest: { type: 'integer', description: 'The oldest cursor held.' }, restart_since: { type: 'integer', description: 'Poll with this `since` after reading the feeds again.' } },
        },
        Story: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'url', 'title', 'source_url', 'content_text', 'date_published', 'date_modified', 'copies', 'categories'],
          properties: {
            id: { type: 'string', description: 'The story IRI, `urn:uuid:…`.' },
            url: { type: 'string', format: 'uri', description: 'The story page.' },
            title: { type: 'string' },
            source_url: { type: 'string', description: "The shown copy's link." },
            content_text: { type: 'string', description: "The shown copy's text, paragraphs separated by line breaks." },
            date_published: { type: 'string', format: 'date-time' },
            date_modified: { type: 'string', format: 'date-time' },
            copies: { type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Copy' } },
            categories: { type: 'array', items: { $ref: '#/components/schemas/Category' } },
          },
        },
        Copy: {
          type: 'object',
          additionalProperties: false,
          required: ['source', 'title', 'url', 'date_published', 'shown', 'joined_by', 'match'],
          properties: {
            source: SOURCE,
            title: { type: 'string' },
            url: { type: 'string' },
            date_published: { type: 'string', format: 'date-time' },
            shown: { type: 'boolean', description: 'The copy whose title and text the story shows.' },
            joined_by: { enum: ['shown', 'guid', 'link', 'text'], description: 'What ties the copy to the shown one: the same guid, the same link, or matching text (`match` has the numbers).' },
            match: {
              description: 'How the copy joined its story, as merging recorded it; null for a copy stored before merging recorded it.',
              oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Match' }],
            },
          },
        },
        CopyRef: {
          type: 'object',
          additionalProperties: false,
          required: ['source', 'url'],
          description: 'A copy named by its portal and link.',
          properties: { source: SOURCE, url: { type: 'string' } },
        },
        Match: {
          type: 'object',
          additionalProperties: false,
          required: ['by', 'at'],
          description:
            '`first`: the copy started the story. `link`: it has the link of `copy`. `text`: its text matched `copy` (or, `"story"`, the story\'s copies together) by `numbers`. `joined`: it started a story that was folded into this one when `via`, in that story by its `through` (guid or link), matched `copy` by `numbers`; or, `through: "bridge"`, when `via` matched both stories by text (this story\'s `copy` by `numbers`) and two of their copies corroborated each other (`corroboration`).',
          properties: {
            by: { enum: ['first', 'link', 'text', 'joined'] },
            at: { type: 'string', format: 'date-time', description: 'When the merge decided it.' },
            copy: { oneOf: [{ const: 'story' }, { $ref: '#/components/schemas/CopyRef' }] },
            via: { $ref: '#/components/schemas/CopyRef' },
            through: { enum: ['guid', 'link', 'bridge'] },
            numbers: { $ref: '#/components/schemas/MatchNumbers' },
            corroboration: { $ref: '#/components/schemas/Corroboration' },
          },
        },
        Corroboration: {
          type: 'object',
          additionalProperties: false,
          required: ['copies', 'anchors', 'same_time', 'figures', 'gap_hours'],
          description:
            'A bridge join (`through: "bridge"`): `via` matched both stories by text, and these two copies (one of each story) say by themselves that they tell one event.',
          properties: {
            copies: { type: 'array', minItems: 2, maxItems: 2, items: { $ref: '#/components/schemas/CopyRef' } },
            anchors: {
              type: 'object',
              additionalProperties: false,
              required: ['shared', 'weight'],
              description: 'Places, people and codes both name, and their weight (one n other stories name weighs 1 / n).',
              properties: { shared: { type: 'array', items: { type: 'string' } }, weight: { type: 'number', minimum: 0 } },
            },
            same_time: { type: 'string', description: 'The day both mention, with the hour or part of the day when both give one ("9/1 14h").' },
            figures: {
              type: 'object',
              additionalProperties: false,
              required: ['compared', 'missing'],
              properties: { compared: { type: 'integer', minimum: 0 }, missing: { type: 'array', items: { type: 'string' } } },
            },
            gap_hours: { type: 'number', description: 'Hours between the two copies.' },
          },
        },
        MatchNumbers: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'containment', 'required', 'shared_weight', 'figures', 'anchors', 'gap_hours'],
          description: 'The numbers a text match was decided on (rounded to 0.001).',
          properties: {
            rule: { enum: ['verbatim', 'rewrite'], description: 'Near-verbatim shared wording, or a rewrite naming the same places, people and codes.' },
            containment: { type: 'number', minimum: 0, maximum: 1, description: "Weighted share of the contained side's word shingles found in the other." },
            required: { type: 'number', minimum: 0, maximum: 1, description: 'The share the rule required at this gap (0: the rule asked none).' },
            shared_weight: { type: 'number', minimum: 0, description: 'Weight of the shared shingles (one held by n other stories weighs 1 / (1 + n)).' },
            figures: {
              type: 'object',
              additionalProperties: false,
              required: ['compared', 'missing'],
              properties: {
                compared: { type: 'integer', minimum: 0, description: "The contained side's figures compared." },
                missing: { type: 'array', items: { type: 'string' }, description: 'Those the other side lacks in any form.' },
                correction: { const: true, description: 'One changed figure taken as a correction: near-verbatim wording naming the same places and people, within hours.' },
                telling: { type: 'integer', minimum: 0, description: 'With no place both name: the distinctive figures (decimals, not round) both give beside a shared day.' },
              },
            },
            anchors: {
              type: 'object',
              additionalProperties: false,
              required: ['shared', 'weight', 'required_weight', 'containment', 'required'],
              description: 'Places, people and codes both sides name (the rewrite rule; zeros for a verbatim match).',
              properties: {
                shared: { type: 'array', items: { type: 'string' } },
                weight: { type: 'number', minimum: 0 },
                required_weight: { type: 'number', minimum: 0 },
                containment: { type: 'number', minimum: 0, maximum: 1 },
                required: { type: 'number', minimum: 0, maximum: 1 },
                same_time: {
                  type: 'string',
                  description: 'The day, with the hour or the hours of the part of the day both give ("20/12 10h", "19/1 5–11h", "16/12"), when one shared place and that day stood for a second shared name.',
                },
              },
            },
            gap_hours: { type: 'number', description: "Hours between the two copies' dates." },
          },
        },
        Category: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'title', 'rule'],
          properties: {
            id: { type: 'string' },
            title: { type: 'string' },
            rule: {
              description: 'The rule that filed the story here; null in a store written before rules were remembered.',
              oneOf: [
                { type: 'null' },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'detail', 'source', 'url'],
                  properties: { type: { enum: ['categoryMap', 'urlMap', 'keyword'] }, detail: { type: 'string' }, source: { type: 'string' }, url: { type: 'string' } },
                },
              ],
            },
          },
        },
        ChangePage: {
          type: 'object',
          additionalProperties: false,
          required: ['changes', 'next'],
          properties: { changes: { type: 'array', maxItems: 500, items: { $ref: '#/components/schemas/Change' } }, next: { type: 'integer', minimum: 0 } },
        },
        Change: {
          type: 'object',
          additionalProperties: false,
          required: ['cursor', 'type', 'id', 'at'],
          properties: {
            cursor: { type: 'integer', minimum: 1 },
            type: { enum: ['created', 'updated', 'merged', 'removed'] },
            id: { type: 'string' },
            into: { type: 'string', description: 'The survivor of a merge.' },
            at: { type: 'string', format: 'date-time' },
          },
        },
      },
    },
  };
}
