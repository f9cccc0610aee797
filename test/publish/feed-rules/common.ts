/**
 * Data-type rules of the W3C Feed Validation Service (validator.w3.org/feed), written as
 * plain checks so the tests can apply them offline. Problem names are the validator's own
 * message classes (`InvalidRFC2822Date`, `ContainsRelRef`, …), so a failure reads like its report.
 *
 * Learnt from the validator's own test cases (w3c/feedvalidator `testcases/`). Where it
 * differs on purpose: RFC 822 dates must have the exact `Thu, 02 May 2024 01:30:00 GMT`
 * shape (the validator tolerates more); inline styles are dangerous only when they can load or
 * run something (the validator also keeps a property whitelist). Not covered, because bantin
 * never writes them: xhtml content, `cloud`, `textInput`, iTunes and other extensions.
 */

export interface FeedProblem {
  /** The validator's message class. */
  rule: string;
  /** Where: element path and, for entries, the id or index. */
  where: string;
  detail?: string;
}

export interface RuleContext {
  /** The address the document was fetched from: a self link must match it. */
  location: string;
  /** Dates before 1990 or more than a day after this are implausible. */
  now: Date;
}

/** An xml2js node: attributes under `$`, text under `_`, children as arrays by name. */
export type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: any };

export class ProblemList {
  readonly problems: FeedProblem[] = [];
  add(rule: string, where: string, detail?: string): void {
    this.problems.push(detail === undefined ? { rule, where } : { rule, where, detail });
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|[+-]\d{4})$/;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EARLIEST_PLAUSIBLE = Date.UTC(1990, 0, 1);
const DAY_MS = 86_400_000;

/** Text content of an xml2js value (string, or node with `_`). */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_' in value) return String((value as XmlNode)._ ?? '');
  return '';
}

export function attrsOf(value: unknown): Record<string, string> {
  return value && typeof value === 'object' ? ((value as XmlNode).$ ?? {}) : {};
}

/** RFC 822 as RSS 2.0 requires, in the strict form the validator never questions: 4-digit year, weekday that matches. */
export function checkRfc822(value: string, where: string, context: RuleContext, problems: ProblemList): void {
  const match = RFC822.exec(value);
  const month = match ? MONTHS.indexOf(match[3]!) : -1;
  if (!match || month < 0) return problems.add('InvalidRFC2822Date', where, value);
  const [year, day, hour, minute, second] = [match[4], match[2], match[5], match[6], match[7]].map(Number) as [number, number, number, number, number];
  const time = Date.UTC(year, month, day, hour, minute, second);
  const date = new Date(time);
  if (date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60 || DAYS[date.getUTCDay()] !== match[1]) {
    return problems.add('InvalidRFC2822Date', where, value);
  }
  checkPlausible(time, where, context, problems, value);
}

/** RFC 3339 date-time as Atom requires. */
export function checkRfc3339(value: string, where: string, context: RuleContext, problems: ProblemList): void {
  const match = RFC3339.exec(value);
  if (!match) return problems.add('InvalidRFC3339Date', where, value);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60) {
    return problems.add('InvalidRFC3339Date', where, value);
  }
  checkPlausible(Date.parse(value), where, context, problems, value);
}

function checkPlausible(time: number, where: string, context: RuleContext, problems: ProblemList, value: string): void {
  if (time < EARLIEST_PLAUSIBLE || time > context.now.getTime() + DAY_MS) problems.add('ImplausibleDate', where, value);
}

/** An absolute http(s) URL, as RSS links and enclosures need. */
export function isFullHttpUrl(value: string): boolean {
  if (!URL.canParse(value) || /\s/.test(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** An absolute IRI: a scheme, then no whitespace. */
export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

/** BCP 47 / ISO 639 shape, as `language` and `xml:lang` take. */
export function isLanguageTag(value: string): boolean {
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value);
}

export function isMimeType(value: string): boolean {
  return /^[a-z]+\/[a-z0-9!#$&^_.+-]+(\s*;\s*[a-z0-9-]+=\S+)*$/i.test(value);
}

/**
 * What the validator checks in escaped HTML: scripts, frames and plug-ins, event handlers,
 * style that can fetch or run something, relative references (no xml:base is ever written).
 */
export function checkHtml(html: string, where: string, problems: ProblemList): void {
  const risky = /<\s*(script|iframe|frame|frameset|object|embed|applet|form|meta|link|style|base)\b/i.exec(html);
  if (risky) problems.add('SecurityRisk', where, risky[0]);
  const handler = /<[^>]*\s(on[a-z]+)\s*=/i.exec(html);
  if (handler) problems.add('SecurityRisk', where, handler[1]);
  for (const match of html.matchAll(/<[^>]*\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    // Plain declarations pass the validator; only what can load or execute is dangerous.
    if (/url\s*\(|expression|javascript:|behavior|binding|@import|\\/i.test(match[1] ?? match[2] ?? '')) problems.add('DangerousStyleAttr', where, match[0]);
  }
  for (const match of html.matchAll(/<[^>]*\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const url = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (/^javascript:/i.test(url)) problems.add('SecurityRisk', where, url);
    else if (!isAbsoluteIri(url) && !url.startsWith('#')) problems.add('ContainsRelRef', where, url);
  }
}

/** Elements that may appear once at most. */
export function checkAtMostOnce(node: XmlNode, names: readonly string[], where: string, problems: ProblemList): void {
  for (const name of names) if ((node[name]?.length ?? 0) > 1) problems.add('DuplicateElement', where, name);
}

/** An email address, as RSS `author`, `managingEditor` and Atom `email` need. */
export function isEmail(value: string): boolean {
  return /^[^\s@()<>]+@[^\s@()<>]+\.[^\s@()<>]+(\s*\([^)]*\))?$/.test(value);
}
