/** Cleans an article's content element as SPEC says: portal furniture out, images kept with their captions, the closing byline taken as the author. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { readBylineLines } from './find-byline.ts';
import { descendants, hasDescendant, isInside, isWithin, measureTextLengths } from './load-page.ts';
import { isRelatedHeading, isViewCounter, isWidgetText, NOISE_ATTRIBUTE } from './portal-words.ts';

const DROPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'form', 'iframe', 'button', 'input', 'select', 'textarea', 'nav', 'aside', 'footer', 'svg', 'video', 'audio', 'object', 'embed',
  // AMP's ad slots, with the "Quảng cáo" placeholder they hold until an ad loads.
  'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-auto-ads',
]);
// Video and audio go with their fallback text ("Trình duyệt của bạn không hỗ trợ video"): a feed cannot carry them.
// A noisy class name on the main body itself (`div.content-share`) must not take the article with it.
const NOISE_MAX_SHARE = 0.4;
const LINE_MAX_CHARS = 200;
const BOX_TAGS = new Set(['table', 'div', 'p']);
const IMG = new Set(['img']);
const LINKS = new Set(['a']);
const LINE_TAGS = new Set(['p', 'div', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'span']);
const BLOCK_OR_IMG = new Set(['p', 'div', 'img']);
const CAPTION_TAGS = new Set(['td', 'p', 'em', 'span', 'div', 'i']);
const CAPTION_CLASS = /caption|desc|chu-?thich|image-?note|ghi-?chu|note/i;

export interface CleanedContent {
  html: string;
  /** The closing byline's name, without "Nguồn:" / "Theo"; removed from the html. */
  byline?: string;
}

/** Cleans content in place (the page is parsed for this article alone) and returns its HTML. */
export function cleanContent($: CheerioAPI, content: Element, options: { remove: readonly string[]; drop: readonly (Element | undefined)[] }): CleanedContent {
  const root = $(content);
  // Selectors run from the document (cheerio's find() under a wide element is quadratic), then kept to the content.
  for (const selector of options.remove) $(selector).toArray().filter((element) => element !== content && isInside(element, content)).forEach((element) => $(element).remove());
  for (const element of options.drop) if (element !== undefined && element !== content && isInside(element, content)) $(element).remove();
  for (const element of descendants(content)) if (isDropped(element)) $(element).remove();
  let textLength = measureTextLengths($);
  removeNoisyBlocks($, content, textLength);
  cutRelatedNews($, content, textLength);
  removeShortLines($, content, textLength, (text) => isViewCounter(text) || isWidgetText(text) || /^trang chủ\b/iu.test(text));
  textLength = measureTextLengths($);
  captionImages($, content, textLength);
  const byline = takeClosingByline($, content, textLength);
  return { html: root.html() ?? '', ...(byline === undefined ? {} : { byline }) };
}

type TextLength = (element: AnyNode) => number;

function isDropped(element: Element): boolean {
  return DROPPED_TAGS.has(element.name) || /breadcrumblist/i.test(element.attribs.itemtype ?? '') || element.attribs.role === 'navigation';
}

function removeNoisyBlocks($: CheerioAPI, content: Element, textLength: TextLength): void {
  const total = textLength(content) || 1;
  for (const element of descendants(content).filter((candidate) => candidate.attribs.class !== undefined || candidate.attribs.id !== undefined)) {
    const names = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
    if (NOISE_ATTRIBUTE.test(names) && textLength(element) / total < NOISE_MAX_SHARE) $(element).remove();
  }
}

/**
 * The first related-news heading and everything after it, up to the content's end, go. A pointer line
 * inside the text ("Xem thêm: <a>…</a>", the link on the heading's own line) goes alone: the text goes on after it.
 */
function cutRelatedNews($: CheerioAPI, content: Element, textLength: TextLength): void {
  for (const element of descendants(content)) {
    // A pointer line already removed takes its own words with it ("<strong>Xem thêm:</strong> <a>…</a>").
    if (!isInside(element, content) || textLength(element) > LINE_MAX_CHARS * 2) continue;
    const text = $(element).text().trim();
    if (!isRelatedHeading(text)) continue;
    if (isPointerLine(text) && hasDescendant(element, LINKS)) {
      removeWithEmptyParents($, content, element);
      continue;
    }
    for (let node: AnyNode | null = element; node !== null && node !== content; node = node.parent) cutAfter(node);
    $(element).remove();
    return;
  }
}

/**
 * "Xem thêm: <a>title</a>" names an article after the heading words; a heading that is itself a link to the
 * category ("<a>Tin cùng chuyên mục</a>") has nothing after them, and the related list follows it.
 */
function isPointerLine(text: string): boolean {
  const colon = text.indexOf(':');
  return colon !== -1 && text.slice(colon + 1).trim() !== '';
}

/** Drops every sibling after node at once (one at a time would shift the parent's child list each time). */
function cutAfter(node: AnyNode): void {
  const siblings = node.parent?.children;
  if (siblings === undefined) return;
  const index = siblings.indexOf(node as never);
  for (const dropped of siblings.splice(index + 1)) {
    dropped.parent = null;
    dropped.prev = null;
    dropped.next = null;
  }
  node.next = null;
}

/**
 * Innermost short elements matching (counters, share bars): removed, unless they hold an image. A bar
 * whose every item went that way ("[In trang] [Quay lại]") goes too, with the separators left in it.
 */
function removeShortLines($: CheerioAPI, content: Element, textLength: TextLength, matches: (text: string) => boolean): void {
  const emptied = new Set<AnyNode>();
  for (const element of descendants(content).reverse()) {
    if (element.parent === null || textLength(element) > LINE_MAX_CHARS * 2) continue;
    const text = $(element).text().replace(/\s+/g, ' ').trim();
    const leftOver = emptied.has(element) && !/[\p{L}\p{N}]/u.test(text);
    if (((text.length <= LINE_MAX_CHARS && text !== '' && matches(text)) || leftOver) && !hasDescendant(element, IMG)) {
      if (element.parent !== content) emptied.add(element.parent);
      $(element).remove();
    }
  }
}

/** Portal image blocks (a one-image table with a caption row, a div of image and caption) become figure / figcaption. */
function captionImages($: CheerioAPI, content: Element, textLength: TextLength): void {
  for (const block of descendants(content, BOX_TAGS)) {
    if (textLength(block) > 600 || isWithin(block, 'figure') || descendants(block, IMG).length !== 1 || descendants(block, BOX_TAGS).length > 3) continue;
    const box = $(block);
    const text = box.text().replace(/\s+/g, ' ').trim();
    const image = $(descendants(block, IMG)[0]!);
    const captionElement = descendants(block, CAPTION_TAGS).find((element) => {
      const own = $(element).text().trim();
      return own !== '' && !hasDescendant(element, IMG) && (CAPTION_CLASS.test(element.attribs.class ?? '') || own === text);
    });
    if (captionElement === undefined || text === '' || text.length > 300) continue;
    const caption = $(captionElement).html() ?? '';
    box.replaceWith($('<figure></figure>').append(image.clone()).append($('<figcaption></figcaption>').html(caption)));
  }
}

/** The last one or two lines of text, when they are a byline ("Minh Anh", then "Nguồn: …"); the name is kept, the lines go. */
function takeClosingByline($: CheerioAPI, content: Element, textLength: TextLength): string | undefined {
  const lines = descendants(content, LINE_TAGS).filter(
    (element) => textLength(element) <= LINE_MAX_CHARS && !isWithin(element, 'figure') && !hasDescendant(element, BLOCK_OR_IMG) && $(element).text().trim() !== '',
  );
  // One element per line: `<p><b><span>Name</span></b></p>` is one line, not three.
  const lineSet = new Set<AnyNode>(lines);
  const outermost = lines.filter((element) => {
    for (let node = element.parent; node !== null && node !== content; node = node.parent) if (lineSet.has(node)) return false;
    return true;
  });
  let name: string | undefined;
  for (const element of outermost.reverse().slice(0, 2)) {
    if (!isLastText($, content, element)) break;
    const found = readBylineLines(visualLines(element));
    if (found === undefined) break;
    name = name === undefined || !/^(?:nguồn|theo)\b/iu.test($(element).text().trim()) ? found : name;
    removeWithEmptyParents($, content, element);
  }
  return name;
}

/** The element's text split where a `<br>` breaks it. */
function visualLines(element: AnyNode): string[] {
  const lines = [''];
  const stack: AnyNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') lines[lines.length - 1] += node.data;
    else if (node.type === 'tag' && (node as Element).name === 'br') lines.push('');
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return lines;
}

/** Whether nothing but whitespace follows element inside content. */
function isLastText($: CheerioAPI, content: Element, element: Element): boolean {
  for (let node: AnyNode | null = element; node !== null && node !== content; node = node.parent) {
    for (let next = node.nextSibling; next !== null; next = next.nextSibling) {
      if ($(next).text().trim() !== '' || (next.type === 'tag' && ((next as Element).name === 'img' || hasDescendant(next, IMG)))) return false;
    }
  }
  return true;
}

function removeWithEmptyParents($: CheerioAPI, content: Element, element: Element): void {
  let node: Element = element;
  while (node.parent !== null && node.parent !== content && node.parent.type === 'tag' && $(node.parent).text().trim() === $(node).text().trim()) {
    node = node.parent as Element;
  }
  $(node).remove();
}
