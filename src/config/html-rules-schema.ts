/** The `html` key of a source and its selector rules (SPEC "Portals without feeds"), as a zod schema. */
import { load } from 'cheerio';
import { z } from 'zod';

/** A CSS selector cheerio can run; checked at start-up so a typo is a config error, not a failing source. */
function isSelector(selector: string): boolean {
  try {
    load('<p></p>')(selector);
    return true;
  } catch {
    return false;
  }
}

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

const selector = z.string().trim().min(1, 'must not be empty').refine(isSelector, 'not a valid CSS selector');

export const htmlRulesSchema = z.strictObject({
  links: selector.optional(),
  linkPattern: z.string().min(1).refine(isRegExp, 'not a valid regular expression').optional(),
  title: selector.optional(),
  date: selector.optional(),
  author: selector.optional(),
  content: selector.optional(),
  remove: z.array(selector).default([]),
  maxArticles: z.number().int().min(1).max(200).optional(),
});

/** Keys that only make sense on a list page, so not with `fullText` (the feed lists the articles). */
export const LIST_PAGE_KEYS = ['links', 'linkPattern', 'maxArticles'] as const;
