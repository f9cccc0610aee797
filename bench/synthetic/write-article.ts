/**
 * Writes synthetic Vietnamese news events and the copies portals make of them (re-titled, shortened,
 * re-led, site-tagged, old tone-mark style), from the templates in vietnamese-words.ts.
 */
import type { Random } from './random.ts';
import {
  AGENCIES, BYLINES, CATEGORIES, COMMUNES, COMMUNE_KINDS, DISEASES, FAMILY_NAMES, FESTIVALS, INITIALS, MIDDLE_NAMES,
  PHRASES, POLICE_UNITS, PRODUCTS, SCHOOLS, SENTENCE_FRAMES, SITE_TAGS, WORDS, type CategoryTemplates,
} from './vietnamese-words.ts';

const BACKGROUND_SENTENCES = [12, 30] as const;
/** Share of a background sentence's pieces that are stock phrases; the rest are single words, so most trigrams are rare. */
const STOCK_SHARE = 0.35;
const VN_OFFSET_MS = 7 * 3600 * 1000;

export interface SyntheticEvent {
  category: CategoryTemplates;
  title: string;
  /** Lead first; each entry is one paragraph. */
  paragraphs: string[];
  /** Epoch ms of the first publication. */
  time: number;
  /** The event's slot values, so copies re-title and re-lead with the same places and figures. */
  slots: Map<string, string>;
}

export type CopyVariant = 'verbatim' | 'retitled' | 'shortened' | 'new-lead';

export interface ArticleText {
  title: string;
  paragraphs: string[];
}

export interface ArticleWriter {
  writeEvent(time: number, category?: CategoryTemplates): SyntheticEvent;
  /** Another portal's copy of the event. */
  writeCopy(event: SyntheticEvent, variant: CopyVariant): ArticleText;
  pickVariant(): CopyVariant;
}

/** `backgroundSentences`: how many stock sentences an article gets beside its details (a shorter article is quicker to write). */
export function createArticleWriter(random: Random, options: { backgroundSentences?: readonly [number, number] } = {}): ArticleWriter {
  const backgroundRange = options.backgroundSentences ?? BACKGROUND_SENTENCES;
  // Each {p} of a frame becomes a stock phrase or two to four words of the story's own.
  const piece = () => (random.chance(STOCK_SHARE) ? random.pick(PHRASES) : Array.from({ length: random.int(2, 4) }, () => random.pick(WORDS)).join(' '));
  const backgroundSentence = () => random.pick(SENTENCE_FRAMES).replace(/\{p\}/g, piece).replace(/^./, (c) => c.toUpperCase());

  const writeEvent = (time: number, category = random.pick(CATEGORIES)): SyntheticEvent => {
    const slots = new Map<string, string>();
    const fill = (template: string) => fillSlots(template, slots, random, time);
    const details = Array.from({ length: random.int(2, 3) }, () => fill(random.pick(category.details)));
    const background = Array.from({ length: random.int(backgroundRange[0], backgroundRange[1]) }, backgroundSentence);
    const sentences = [...details, ...background];
    // Event-specific details spread through the body, not only at the top.
    for (let i = sentences.length - 1; i > 0; i--) {
      const j = random.int(0, i);
      [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
    }
    const paragraphs = [fill(random.pick(category.leads))];
    for (let i = 0; i < sentences.length; ) {
      const step = random.int(2, 4);
      paragraphs.push(sentences.slice(i, i + step).join(' '));
      i += step;
    }
    paragraphs.push(random.pick(category.closers));
    return { category, title: capitalize(fill(random.pick(category.titles))), paragraphs, time, slots };
  };

  const writeCopy = (event: SyntheticEvent, variant: CopyVariant): ArticleText => {
    const fill = (template: string) => fillSlots(template, event.slots, random, event.time);
    let title = event.title;
    let paragraphs = [...event.paragraphs];
    if (variant === 'retitled') title = capitalize(fill(random.pick(event.category.titles)));
    if (variant === 'shortened') paragraphs = paragraphs.slice(0, Math.max(3, Math.ceil(paragraphs.length * random.int(45, 70) / 100)));
    if (variant === 'new-lead') paragraphs[0] = fill(random.pick(event.category.leads));
    paragraphs[0] = random.pick(SITE_TAGS) + paragraphs[0]!;
    if (random.chance(0.5)) paragraphs.push(random.pick(BYLINES));
    if (random.chance(0.3)) {
      title = toOldToneStyle(title);
      paragraphs = paragraphs.map(toOldToneStyle);
    }
    return { title, paragraphs };
  };

  const pickVariant = (): CopyVariant => random.pick(['verbatim', 'retitled', 'retitled', 'shortened', 'new-lead'] as const);
  return { writeEvent, writeCopy, pickVariant };
}

/** Fills `{slot}` placeholders; a slot keeps its value for the whole event. */
function fillSlots(template: string, slots: Map<string, string>, random: Random, time: number): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    let value = slots.get(name);
    if (value === undefined) {
      value = slotValue(name, random, time, slots);
      slots.set(name, value);
    }
    return value;
  });
}

function slotValue(name: string, random: Random, time: number, slots: Map<string, string>): string {
  const local = new Date(time + VN_OFFSET_MS);
  const dayMonth = `${local.getUTCDate()}/${local.getUTCMonth() + 1}`;
  const nested = (template: string) => fillSlots(template, slots, random, time);
  switch (name) {
    case 'noi':
    case 'noi2':
      return `${random.pick(COMMUNE_KINDS)} ${random.pick(COMMUNES)}`;
    case 'nguoi':
      return `${random.pick(FAMILY_NAMES)} ${random.pick(MIDDLE_NAMES)} ${random.pick(INITIALS)}.`;
    case 'nam':
      return String(random.int(1960, 2006));
    case 'so':
      return String(random.int(2, 9));
    case 'so2':
      return String(random.int(10, 99));
    case 'so3':
      return String(random.int(100, 999));
    case 'so4':
      return String(random.int(2, 30));
    case 'so5':
      return String(random.int(31, 60));
    case 'tien':
      return random.chance(0.5) ? `${random.int(1, 99)},${random.int(1, 9)} tỷ đồng` : `${random.int(100, 950)} triệu đồng`;
    case 'ngay':
      return `ngày ${dayMonth}`;
    case 'Ngay':
      return `Ngày ${dayMonth}`;
    case 'ngayso':
      return dayMonth;
    case 'gio':
      return String(random.int(6, 22));
    case 'ql':
      return random.pick(['6', '12B', '21', '15', '70B']);
    case 'bienso':
      return `28C-${random.int(100, 999)}.${random.int(10, 99)}`;
    case 'thang':
      return String(random.int(1, 6));
    case 'thang2':
      return String(random.int(7, 12));
    case 'namnay':
      return String(local.getUTCFullYear());
    case 'phantram':
      return String(random.int(60, 120));
    case 'quy':
      return random.pick(['I', 'II', 'III', 'IV']);
    case 'sanpham':
      return random.pick(PRODUCTS);
    case 'lehoi':
      return random.pick(FESTIVALS);
    case 'benh':
      return random.pick(DISEASES);
    case 'truong':
      return nested(random.pick(SCHOOLS));
    case 'donvi':
      return nested(random.pick(POLICE_UNITS));
    case 'coquan':
      return nested(random.pick(AGENCIES));
    default:
      throw new Error(`bench: no value for slot {${name}}`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const OLD_TONE_STYLE: readonly [RegExp, string][] = [
  [/hòa/g, 'hoà'], [/Hòa/g, 'Hoà'], [/thủy/g, 'thuỷ'], [/Thủy/g, 'Thuỷ'], [/túy/g, 'tuý'], [/khỏe/g, 'khoẻ'], [/hóa/g, 'hoá'],
];

/** The old tone-mark placement some portals still use (hoà, thuỷ, tuý). */
function toOldToneStyle(text: string): string {
  return OLD_TONE_STYLE.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}
