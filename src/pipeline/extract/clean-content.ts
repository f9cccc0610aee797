/** Cleans an article's content element as SPEC says: portal furniture out, images kept with their captions, the closing byline taken as the author. */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { readByline } from './find-byline.ts';
import { isRelatedHeading, isViewCounter, isWidgetText, NOISE_ATTRIBUTE } from './portal-words.ts';

const DROPPED_TAGS = 'script, style, noscript, template, form, iframe, button, input, select, textarea, nav, aside, footer, svg, [itemtype*="BreadcrumbList"], [role="navigation"]';
// A noisy class name on the main body itself (`div.content-share`) must not take the article with it.
const NOISE_MAX_SHARE = 0.4;
const LINE_MAX_CHARS = 200;
const CAPTION_CLASS = /caption|desc|chu-?thich|image-?note|ghi-?chu|note/i;

export interface CleanedContent {
  html: string;
  /** The closing byline's name, without "Nguồn:" / "Theo"; removed from the html. */
  byline?: string;
}

/** Cleans content in place (the page is parsed for this article alone) and returns its HTML. */
export function cleanContent($: CheerioAPI, content: Element, options: { remove: readonly string[]; drop: readonly (Element | undefined)[] }): CleanedContent {
  const root = $(content);
  for (const selector of options.remove) root.find(selector).remove();
  for (const element of options.drop) if (element !== undefined && element !== content && root.has(element).length > 0) $(element).remove();
  root.find(DROPPED_TAGS).remove();
  removeNoisyBlocks($, content);
  cutRelatedNews($, content);
  removeShortLines($, content, (text) => isViewCounter(text) || isWidgetText(text) || /^trang chủ\b/iu.test(text));
  captionImages($, content);
  const byline = takeClosingByline($, content);
  return { html: root.html() ?? '', ...(byline === undefined ? {} : { byline }) };
}

function removeNoisyBlocks($: CheerioAPI, content: Element): void {
  const total = $(content).text().length || 1;
  for (const element of $(content).find('[class], [id]').toArray()) {
    const names = `${element.attribs.class ?? ''} ${element.attribs.id ?? ''}`;
    if (NOISE_ATTRIBUTE.test(names) && $(element).text().length / total < NOISE_MAX_SHARE) $(element).remove();
  }
}

/** The first related-news heading and everything after it, up to the content's end, go. */
function cutRelatedNews($: CheerioAPI, content: Element): void {
  const heading = $(content)
    .find('*')
    .toArray()
    .find((element) => isRelatedHeading($(element).text().trim()));
  if (heading === undefined) return;
  for (let node: AnyNode | null = heading; node !== null && node !== content; node = node.parent) {
    let next = node.nextSibling;
    while (next !== null) {
      const after: AnyNode | null = next.nextSibling;
      $(next).remove();
      next = after;
    }
  }
  $(heading).remove();
}

/** Innermost short elements matching (counters, share bars): removed, unless they hold an image. */
function removeShortLines($: CheerioAPI, content: Element, matches: (text: string) => boolean): void {
  for (const element of $(content).find('*').toArray().reverse()) {
    const text = $(element).text().replace(/\s+/g, ' ').trim();
    if (text.length <= LINE_MAX_CHARS && text !== '' && matches(text) && $(element).find('img').length === 0) $(element).remove();
  }
}

/** Portal image blocks (a one-image table with a caption row, a div of image and caption) become figure / figcaption. */
function captionImages($: CheerioAPI, content: Element): void {
  for (const block of $(content).find('table, div, p').toArray()) {
    const box = $(block);
    if (box.closest('figure').length > 0 || box.find('img').length !== 1 || box.find('p, div, table').length > 3) continue;
    const text = box.text().replace(/\s+/g, ' ').trim();
    const image = box.find('img').first();
    const captionElement = box.find('td, p, em, span, div, i').toArray().find((element) => {
      const own = $(element).text().trim();
      return own !== '' && $(element).find('img').length === 0 && (CAPTION_CLASS.test(element.attribs.class ?? '') || own === text);
    });
    if (captionElement === undefined || text === '' || text.length > 300) continue;
    const caption = $(captionElement).html() ?? '';
    box.replaceWith($('<figure></figure>').append(image.clone()).append($('<figcaption></figcaption>').html(caption)));
  }
}

/** The last one or two lines of text, when they are a byline ("Minh Anh", then "Nguồn: …"); the name is kept, the lines go. */
function takeClosingByline($: CheerioAPI, content: Element): string | undefined {
  const lines = $(content)
    .find('p, div, h2, h3, h4, h5, h6, strong, b, em, span')
    .toArray()
    .filter((element) => $(element).closest('figure').length === 0 && $(element).find('p, div, img').length === 0 && $(element).text().trim() !== '');
  let name: string | undefined;
  for (const element of lines.reverse().slice(0, 2)) {
    if (!isLastText($, content, element)) break;
    const found = readByline($(element).text());
    if (found === undefined) break;
    name = name === undefined || !/^(?:nguồn|theo)\b/iu.test($(element).text().trim()) ? found : name;
    removeWithEmptyParents($, content, element);
  }
  return name;
}

/** Whether nothing but whitespace follows element inside content. */
function isLastText($: CheerioAPI, content: Element, element: Element): boolean {
  for (let node: AnyNode | null = element; node !== null && node !== content; node = node.parent) {
    for (let next = node.nextSibling; next !== null; next = next.nextSibling) {
      if ($(next).text().trim() !== '' || (next.type === 'tag' && $(next).find('img').addBack('img').length > 0)) return false;
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
