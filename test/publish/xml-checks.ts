/** Strict well-formedness checks for rendered XML, since xml2js/sax accept control characters and a bare `]]>`. */
import { spawnSync } from 'node:child_process';
import { DEBIAN_PYTHON } from '../helpers/debian-python.ts';
import { expect } from 'vitest';
import { parseStringPromise } from 'xml2js';

// XML 1.0 Char production, minus what is legal; the same set the renderer strips.
const ILLEGAL_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

const hasPython = spawnSync(DEBIAN_PYTHON, ['-c', 'import xml.parsers.expat'], { encoding: 'utf8' }).status === 0;

// A CDATA section ends at its first `]]>`, so this takes exactly the sections a parser sees.
const CDATA_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>/g;

/** Asserts the document is well-formed: no illegal characters, no `]]>` outside a CDATA section's end, expat accepts it. */
export function expectWellFormedXml(xml: string): void {
  expect(xml).not.toMatch(ILLEGAL_XML_CHAR);
  expect(xml.replace(CDATA_SECTION, '')).not.toContain(']]>');
  if (hasPython) {
    // expat is the strict parser at hand; it rejects what sax lets through.
    const script = 'import sys,xml.parsers.expat as e; e.ParserCreate().Parse(sys.stdin.buffer.read(), True)';
    const result = spawnSync(DEBIAN_PYTHON, ['-c', script], { input: xml, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  }
}

/** Parses XML into xml2js's object form (attributes under `$`). */
export async function parseXml(xml: string): Promise<any> {
  return parseStringPromise(xml, { strict: true });
}

/** `rel` → `href` of the link elements among the given xml2js nodes. */
export function linksByRel(links: { $: { rel: string; href: string } }[] | undefined): Record<string, string> {
  return Object.fromEntries((links ?? []).map((link) => [link.$.rel, link.$.href]));
}
