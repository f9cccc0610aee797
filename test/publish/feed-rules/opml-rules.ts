/** OPML 2.0 (opml.org/spec2.opml) as the W3C Feed Validation Service reads a subscription list. */
import { parseStringPromise } from 'xml2js';
import { attrsOf, checkAtMostOnce, checkRfc822, isFullHttpUrl, isLanguageTag, ProblemList, textOf, type FeedProblem, type RuleContext, type XmlNode } from './common.ts';

const HEAD_ELEMENTS = [
  'title', 'dateCreated', 'dateModified', 'ownerName', 'ownerEmail', 'ownerId', 'docs',
  'expansionState', 'vertScrollState', 'windowTop', 'windowLeft', 'windowBottom', 'windowRight',
];
const OUTLINE_ATTRIBUTES = [
  'text', 'type', 'isComment', 'isBreakpoint', 'created', 'category', 'description', 'htmlUrl', 'language', 'title', 'version', 'xmlUrl', 'url',
];
const RSS_VERSIONS = ['RSS', 'RSS1', 'RSS2', 'scriptingNews'];

/** Every problem the validator would report for an OPML 2.0 subscription list. */
export async function checkOpml(xml: string, context: RuleContext): Promise<FeedProblem[]> {
  const problems = new ProblemList();
  const document = await parseStringPromise(xml, { strict: true });
  const opml: XmlNode | undefined = document.opml;
  if (!opml) {
    problems.add('UndefinedElement', 'root', Object.keys(document)[0]);
    return problems.problems;
  }
  const version = attrsOf(opml).version;
  if (version === undefined) problems.add('MissingAttribute', 'opml', 'version');
  else if (version !== '2.0') problems.add('InvalidOPMLVersion', 'opml', version);
  for (const name of ['head', 'body']) if (opml[name]?.length !== 1) problems.add('MissingElement', 'opml', name);
  if (opml.head?.[0]) checkHead(opml.head[0], context, problems);
  const outlines: XmlNode[] = opml.body?.[0]?.outline ?? [];
  if (outlines.length === 0) problems.add('MissingElement', 'body', 'outline');
  outlines.forEach((outline, index) => checkOutline(outline, `outline[${index}]`, context, problems));
  return problems.problems;
}

function checkHead(head: XmlNode, context: RuleContext, problems: ProblemList): void {
  checkAtMostOnce(head, HEAD_ELEMENTS, 'head', problems);
  for (const name of Object.keys(head)) if (name !== '$' && name !== '_' && !HEAD_ELEMENTS.includes(name)) problems.add('UndefinedElement', 'head', name);
  for (const name of ['dateCreated', 'dateModified']) if (head[name]) checkRfc822(textOf(head[name][0]), `head/${name}`, context, problems);
  if (head.docs && !isFullHttpUrl(textOf(head.docs[0]))) problems.add('InvalidFullLink', 'head/docs');
}

function checkOutline(outline: XmlNode, where: string, context: RuleContext, problems: ProblemList): void {
  const attrs = attrsOf(outline);
  for (const name of Object.keys(attrs)) if (!OUTLINE_ATTRIBUTES.includes(name)) problems.add('UnexpectedAttribute', where, name);
  if (attrs.text === undefined || attrs.text.trim() === '') problems.add('MissingAttribute', where, 'text');
  if (attrs.created !== undefined) checkRfc822(attrs.created, `${where}@created`, context, problems);
  if (attrs.language !== undefined && !isLanguageTag(attrs.language)) problems.add('InvalidLanguage', where, attrs.language);
  if (attrs.type === 'rss') {
    if (attrs.xmlUrl === undefined) problems.add('MissingXmlURL', where);
    else if (!isFullHttpUrl(attrs.xmlUrl)) problems.add('InvalidFullLink', `${where}@xmlUrl`, attrs.xmlUrl);
    if (attrs.title === undefined) problems.add('MissingTitleAttr', where);
    if (attrs.version !== undefined && !RSS_VERSIONS.includes(attrs.version)) problems.add('InvalidOutlineVersion', where, attrs.version);
    if (attrs.htmlUrl !== undefined && !isFullHttpUrl(attrs.htmlUrl)) problems.add('InvalidFullLink', `${where}@htmlUrl`, attrs.htmlUrl);
  }
  for (const [index, child] of ((outline.outline ?? []) as XmlNode[]).entries()) checkOutline(child, `${where}/outline[${index}]`, context, problems);
}
