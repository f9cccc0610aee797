/** /api/openapi.json passes an OpenAPI 3.1 validator, and the real service's API answers match the schemas it gives. */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldStories, startDemoService, type DemoService } from '../helpers/running-service.ts';

let running: DemoService;
let document: Record<string, unknown>;

beforeAll(async () => {
  running = await startDemoService();
  const response = await fetch(`${running.base}/api/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  document = (await response.json()) as Record<string, unknown>;
}, 60_000);

afterAll(() => running?.close());

/** A check of a body against one of the document's component schemas. */
function schemaCheck(name: string): (value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  formatsPlugin.default(ajv);
  ajv.addSchema({ ...document, $id: 'urn:bantin:openapi' });
  const validate = ajv.getSchema(`urn:bantin:openapi#/components/schemas/${name}`)!;
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));
}

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document describing every /api/ route', async () => {
    type Spec = Parameters<Validator['validate']>[0];
    const result = await new Validator().validate(document as Spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths as object).sort()).toEqual(['/api/changes', '/api/openapi.json', '/api/stories/{id}']);
    expect((document.servers as { url: string }[])[0]!.url).toBe(running.base);
    // The validator is no rubber stamp: without its info the document is refused.
    const { info: _info, ...broken } = document;
    expect((await new Validator().validate(broken as Spec)).valid).toBe(false);
  });

  it('keeps one ETag, answering 304 to it in its strong or weak form', async () => {
    const [first, second] = await Promise.all([1, 2].map(() => fetch(`${running.base}/api/openapi.json`)));
    const etag = first!.headers.get('etag')!;
    expect(second!.headers.get('etag')).toBe(etag);
    for (const held of [etag, `W/${etag}`, `"other", ${etag}`, '*']) expect((await fetch(`${running.base}/api/openapi.json`, { headers: { 'if-none-match': held } })).status, held).toBe(304);
    expect((await fetch(`${running.base}/api/openapi.json`, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('describes what the service answers: a story, a page of changes, an expired cursor', async () => {
    const held = await heldStories(running.config, 'all');
    const bodies = await Promise.all(held.map(async (story) => (await fetch(`${running.base}/api/stories/${story.id.slice('urn:uuid:'.length)}`)).json()));
    // Every story, so copies joined by text, by link and through a joined story all meet their schemas.
    for (const story of bodies) expect(schemaCheck('Story')(story)).toEqual([]);
    const matches = bodies.flatMap((story) => (story as { copies: { match: { by: string } | null }[] }).copies.map((copy) => copy.match?.by));
    expect(matches).toContain('text');
    const body = bodies[0];
    expect(schemaCheck('ChangePage')(await (await fetch(`${running.base}/api/changes`)).json())).toEqual([]);
    expect(schemaCheck('ExpiredCursor')(await (await fetch(`${running.base}/api/changes?since=999999999`)).json())).toEqual([]);
    expect(schemaCheck('Error')(await (await fetch(`${running.base}/api/stories/00000000-0000-4000-8000-000000000000`)).json())).toEqual([]);
    // The check itself can fail: a story missing its copies is not one.
    expect(schemaCheck('Story')({ ...(body as object), copies: [] })).not.toEqual([]);
    const [copy] = (body as { copies: object[] }).copies;
    expect(schemaCheck('Story')({ ...(body as object), copies: [{ ...copy, match: { by: 'text', at: '2026-12-03T00:00:00.000Z', numbers: { rule: 'verbatim' } } }] })).not.toEqual([]);
  });
});
