/** Finds the stored story an operator names: by its id (with or without `urn:uuid:`), its story page, or a copy's link. */
import type { StoreData, Story } from '../../src/model/types.ts';
import { canonicalizeUrl } from '../../src/pipeline/normalize/canonical-url.ts';

export type Found = { story: Story; via: 'id' | 'alias' | 'link'; absorbedId?: string } | undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findStory(data: StoreData, target: string): Found {
  const id = storyIdOf(target);
  if (id !== undefined) {
    const story = data.stories.find((candidate) => candidate.id === id);
    if (story !== undefined) return { story, via: 'id' };
    const survivor = data.aliases?.[id]?.storyId;
    const absorbedInto = survivor === undefined ? undefined : data.stories.find((candidate) => candidate.id === survivor);
    if (absorbedInto !== undefined) return { story: absorbedInto, via: 'alias', absorbedId: id };
  }
  const link = canonicalizeUrl(target);
  if (link === undefined) return undefined;
  const story = data.stories.find((candidate) => candidate.copies.some((copy) => copy.url === link || copy.url === target));
  return story === undefined ? undefined : { story, via: 'link' };
}

/** `urn:uuid:…`, a bare uuid, or a story page (`…/stories/<uuid>`) name a story id. */
function storyIdOf(target: string): string | undefined {
  if (/^urn:/i.test(target)) return target;
  if (UUID.test(target)) return `urn:uuid:${target.toLowerCase()}`;
  const page = /\/(?:api\/)?stories\/([0-9a-f-]{36})\/?$/i.exec(URL.canParse(target) ? new URL(target).pathname : '');
  return page && UUID.test(page[1]!) ? `urn:uuid:${page[1]!.toLowerCase()}` : undefined;
}
