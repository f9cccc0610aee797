/** Plain data types shared by every stage; no I/O lives here. */

export interface CategoryConfig {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly keywords: readonly string[];
  /** Phrases that stop this category's keywords from filing a copy here (never a categoryMap or urlMap hit); absent = none. */
  readonly exclude?: readonly string[];
  /**
   * Names of who acts for this category (a police unit: "CSGT", "cơ quan điều tra"): they count as keywords,
   * but as text keywords even in the headline, so a name alone never files a story; absent = none.
   */
  readonly agencies?: readonly string[];
  /**
   * Words for the kind of event, not its topic (a conference, an anniversary, a transfer: "hội nghị tổng kết",
   * "kỷ niệm"): keywords weighed as text even in the headline, so a headline's topic word outweighs them; absent = none.
   */
  readonly frames?: readonly string[];
  /**
   * People in need whom this category's stories help ("hộ nghèo", "người khuyết tật", "mồ côi"): keywords that keep
   * their headline weight after a setting word, since whom relief goes to is what it is about ("Tặng bò giống cho
   * hộ nghèo"), where the people a story is for are otherwise its setting ("Tặng kính cho học sinh"); absent = none.
   */
  readonly beneficiaries?: readonly string[];
  /**
   * A body's own life, not this category's topic: a headline naming one of `bodies` and one of `events` (the
   * police and a football cup, "Công an tỉnh tổ chức giải bóng đá") stops this category's keywords, as an
   * exclude read in the headline only; absent = none.
   */
  readonly ownEvents?: { readonly bodies: readonly string[]; readonly events: readonly string[] };
}

export interface SourceConfig {
  readonly id: string;
  readonly name: string;
  /** Exactly one of url / file is set; file is an absolute path after config loading. */
  readonly url?: string;
  readonly file?: string;
  readonly priority: number;
  readonly categoryMap: Readonly<Record<string, string>>;
  /** Path prefix of a copy's canonical link → category id; `/` files every item of the source. Absent = none. */
  readonly urlMap?: Readonly<Record<string, string>>;
  /** IANA zone for dates that carry none; defaults to the config's timezone. */
  readonly timezone: string;
  readonly enabled: boolean;
  /** Read HTML pages (a list page, or with fullText the feed items' pages) with these rules. */
  readonly html?: HtmlRules;
  /** A feed whose items carry only a summary: each new item's page is fetched for its full text. */
  readonly fullText?: boolean;
}

/** CSS selectors for an HTML source (SPEC "Portals without feeds"); each missing one is detected. */
export interface HtmlRules {
  readonly links?: string;
  /** A regular expression the absolute article URL must match. */
  readonly linkPattern?: string;
  readonly title?: string;
  readonly date?: string;
  readonly author?: string;
  readonly content?: string;
  readonly remove: readonly string[];
  /** Articles read from the list page, in its order; DEFAULT_MAX_ARTICLES when unset. */
  readonly maxArticles?: number;
}

export interface Config {
  /** Absolute path of the config file, or undefined when built in code (tests). */
  readonly configPath?: string;
  readonly port: number;
  readonly baseUrl: string;
  readonly schedule: string;
  readonly timezone: string;
  /** An absolute file path (lowdb), or a `postgres://` / `postgresql://` URL. */
  readonly store: string;
  /** Absolute path. */
  readonly outDir: string;
  readonly feedSize: number;
  readonly retentionDays: number;
  readonly fetchTimeoutSeconds: number;
  readonly maxFeedBytes: number;
  /** Items taken from one fetch of one source, newest first; more is a warning in /healthz. */
  readonly maxItemsPerFetch: number;
  readonly categories: readonly CategoryConfig[];
  readonly websubHub?: string;
  readonly sources: readonly SourceConfig[];
  /** Least time between the starts of two requests to one host; 1 when unset. */
  readonly hostDelaySeconds?: number;
}

/** One item as a feed parser gave it: untrusted, unnormalised strings. */
export interface RawItem {
  guid?: string;
  link?: string;
  title?: string;
  /** Full HTML content (content:encoded, atom:content) when present. */
  contentHtml?: string;
  /** Description / summary, HTML or text. */
  summary?: string;
  /** The date string exactly as the feed wrote it (pubDate, published, updated, dc:date). */
  date?: string;
  categories: string[];
  author?: string;
  /** Enclosure or media image URL, possibly relative. */
  imageUrl?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  items: RawItem[];
  /** What the parser left out of the feed (an item nested beyond reason), so it can be logged; the other items stay. */
  dropped?: DroppedElement[];
}

/** An element the parser left out of a feed, and why. */
export interface DroppedElement {
  /** `item` or `entry`, or a channel element such as `title`. */
  element: string;
  /** An item's place in the feed, counted from 1 as an operator reading the feed would. */
  position?: number;
  /** An item's guid or link, when it has a readable one. */
  id?: string;
  reason: string;
}

/** One portal's copy of a story, normalised: NFC text, canonical absolute links, ISO dates. */
export interface Copy {
  sourceId: string;
  /** Identity within the source: `guid:<guid>` or `link:<canonical url>`. */
  key: string;
  url: string;
  title: string;
  /** Sanitised HTML with absolute links; its plain text is derived when needed (normalize/copy-text.ts), never stored. */
  contentHtml: string;
  /** ISO 8601 UTC. Falls back to first-seen time when the feed gave no usable date (then `undated`). */
  datePublished: string;
  /**
   * True when the feed gave no usable date, so `datePublished` is the time the copy was first seen;
   * an update that still brings none keeps the stored date. Absent (never false) otherwise.
   */
  undated?: true;
  sourceCategories: string[];
  author?: string;
  imageUrl?: string;
  /** ISO time this copy was first stored. */
  firstSeenAt: string;
  /**
   * How the copy came to be in its story, set by merging; absent on copies stored before merging
   * recorded it (and on copies not merged yet).
   */
  match?: CopyMatch;
}

/** A copy named in a match record: its portal and link. */
export interface CopyRef {
  sourceId: string;
  url: string;
}

/**
 * Why a copy is in its story (SPEC "Stories"): it started it, it has the link of a copy already there,
 * its text matched a copy there, or its story was joined to this one through another copy.
 */
export type CopyMatch =
  | { by: 'first'; at: string }
  | { by: 'link'; at: string; copy: CopyRef }
  | { by: 'text'; at: string; copy: CopyRef | 'story'; numbers: TextMatchRecord }
  | { by: 'joined'; at: string; via: CopyRef; through: 'guid' | 'link'; copy: CopyRef | 'story'; numbers: TextMatchRecord }
  | { by: 'joined'; at: string; via: CopyRef; through: 'bridge'; copy: CopyRef | 'story'; numbers: TextMatchRecord; corroboration: BridgeRecord };

/**
 * Why two stories a copy matched by text were joined through it (`through: 'bridge'`): two of their copies
 * (one of each) name a place of the event and a day in common, and nothing of them contradicts.
 */
export interface BridgeRecord {
  /** The copy of the story `via` joined first, and the copy of the story joined to it, that corroborate each other. */
  copies: [CopyRef, CopyRef];
  /** The anchors both name, and their weight (an anchor n other stories name weighs 1 / n). */
  anchors: { shared: string[]; weight: number };
  /** The day both mention, with the hour or part of the day when both give one ("9/1 14h"). */
  sameTime: string;
  /** The figures of the side stating fewer, how many were compared and those the other lacks in any form. */
  figures: { compared: number; missing: string[] };
  /** Hours between the two copies. */
  gapHours: number;
}

/** The numbers a text match was decided on (docs/architecture.md "How copies become stories"); `numbers` of a CopyMatch. */
export interface TextMatchRecord {
  /** Which rule held: near-verbatim shared wording, or a rewrite naming the same places, people and codes. */
  rule: 'verbatim' | 'rewrite';
  /** Weighted share of the contained side's shingles found in the other side (0–1). */
  containment: number;
  /** The share that rule required at this gap. */
  required: number;
  /** Weight of the shared shingles (a shingle held by n other stories weighs 1 / (1 + n)). */
  sharedWeight: number;
  /**
   * The contained side's figures, how many were compared, and those the other side lacks in any form;
   * `correction` when one changed figure was taken as a correction, `telling` how many distinctive figures
   * with a shared day stood for a shared place.
   */
  figures: { compared: number; missing: string[]; correction?: true; telling?: number };
  /**
   * Named places, people and codes both sides state, their weight (an anchor n other stories name weighs
   * 1 / n, 1 when at most one other names it) and the weight required, and the weighted share of the contained side's found in the other;
   * `sameTime`, the day (and hour) both put the event at, when one shared anchor and that day stood for the anchors.
   */
  anchors: { shared: string[]; weight: number; requiredWeight: number; containment: number; required: number; sameTime?: string };
  /** Hours between the two copies' dates. */
  gapHours: number;
}

/** The three ways a story enters a category (SPEC "Text, dates, links"). */
export type CategoryRule = 'categoryMap' | 'urlMap' | 'keyword';

/** Why a story is in one category: the rule, and the copy whose source or text filed it. */
export interface CategoryFiling {
  rule: CategoryRule;
  /** What matched: the source's category name (categoryMap), the path prefix (urlMap), the keywords, comma-separated (keyword). */
  detail: string;
  /** The filing copy's source and link. */
  sourceId: string;
  url: string;
}

export interface Story {
  /** Absolute IRI (`urn:uuid:…`); never changes once published. */
  id: string;
  copies: Copy[];
  /** Category ids in config order. */
  categories: string[];
  /** Category id → the rule that filed it, for each of `categories`; absent in stores written before rules were remembered. */
  filedBy?: Record<string, CategoryFiling>;
  /** Earliest copy date. */
  datePublished: string;
  /** When the shown title/content or the list of copies last changed. */
  dateModified: string;
}

export type SourceStatus = 'ok' | 'error';

/** What the store remembers of each source between runs. */
export interface SourceState {
  id: string;
  etag?: string;
  lastModified?: string;
  lastFetchAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  errorCode?: string;
  consecutiveFailures: number;
  /** Earliest time a scheduled run fetches this source again (backoff, or the source's Retry-After). */
  nextAttemptAt?: string;
  /** Where the configured url permanently redirects (301/308) as of the last success; update the config. */
  movedTo?: string;
  /** What identifies this source's copies: its guids, or (guids blank, repeated or unstable) its canonical links. */
  identity?: CopyIdentity;
  /** Items of the last fetch with a body whose date could not be read (dated by the time first seen); absent when none. */
  undatedItems?: number;
  /** Items the last fetch with a body listed beyond maxItemsPerFetch and left out; absent when none. */
  itemsDropped?: number;
  /** What the operator should know of the last fetch with a body that is not an error (items left out), in plain words. */
  warning?: string;
  /** HTML and fullText sources: each article page read from the last list (or feed), by its address. */
  pages?: Record<string, PageState>;
  /** Article pages that failed in the last fetch (tried again next cycle). */
  articleErrors?: number;
  /** Article pages robots.txt refused in the last fetch (never fetched). */
  robotsRefused?: number;
}

/** What bantin remembers of one article page: its list entry (title and date) and its validators. */
export interface PageState {
  /** The list page's (or feed's) title and date of the article; a change fetches the page again. */
  entry: string;
  etag?: string;
  lastModified?: string;
  /** The page failed or was not reached in time: fetched again next cycle whatever its entry says. */
  retry?: true;
}

export type CopyIdentity = 'guid' | 'link';

export interface SourceRunSummary {
  id: string;
  status: SourceStatus | 'not-modified';
  items: number;
  added: number;
  updated: number;
  error?: string;
  /** Time to fetch, decode, parse and normalise the source this run. */
  durationMs?: number;
  /** Items whose date could not be read; absent when none. */
  undatedItems?: number;
  /** Items listed beyond maxItemsPerFetch and left out, and the warning that says so; absent when none. */
  itemsDropped?: number;
  warning?: string;
  /** HTML and fullText sources: article pages that failed this cycle. */
  articleErrors?: number;
}

export interface RunSummary {
  startedAt: string;
  finishedAt: string;
  sources: SourceRunSummary[];
  /** Stories this cycle created and updated, as /api/changes reports them: none pruned or merged away in the cycle. */
  storiesAdded: number;
  storiesUpdated: number;
  /**
   * Stored stories this cycle moved into other categories only (the category rules changed), reported
   * as `updated` by /api/changes; absent from a run recorded before it was counted.
   */
  storiesRefiled?: number;
  storiesPruned: number;
}

export const STORE_SCHEMA_VERSION = 1;

/** A pruned story's copy key, remembered so a source still listing it does not bring it back. */
export interface Tombstone {
  storyId: string;
  /** Last time a source still listed this copy; tombstones unseen for retentionDays are forgotten. */
  seenAt: string;
}

/** A published story id absorbed into an older story when the two turned out to be one. */
export interface StoryAlias {
  /** The surviving story's id. */
  storyId: string;
  mergedAt: string;
}

/** One change to the published stories, as `/api/changes` reports it to partners. */
export interface ChangeRecord {
  /** Counts up by one per change, across restarts; a partner's `since`. */
  cursor: number;
  type: 'created' | 'updated' | 'merged' | 'removed';
  id: string;
  /** The survivor of a merge. */
  into?: string;
  at: string;
}

/** The newest changes, oldest first, at most a bounded number of them. */
export interface ChangeLog {
  /** The cursor the next change will take. */
  next: number;
  records: ChangeRecord[];
}

/** Validators of one published feed, kept so Last-Modified changes exactly when the bytes do. */
export interface PublishedFeedState {
  etag: string;
  lastModified: string;
}

export interface StoreData {
  schemaVersion: number;
  stories: Story[];
  sources: Record<string, SourceState>;
  /** Keyed by `<sourceId> <copy key>` and by `url <canonical url>`. */
  tombstones: Record<string, Tombstone>;
  /** Keyed by file name, e.g. `an-ninh-trat-tu.rss`. */
  feeds: Record<string, PublishedFeedState>;
  /** Keyed by absorbed story id; optional so stores written before it still load unchanged. */
  aliases?: Record<string, StoryAlias>;
  /** robots.txt by origin (`https://host:port`), read within the last day; optional so older stores load. */
  robots?: Record<string, { text: string; readAt: string }>;
  /** The recent changes partners poll (`/api/changes`); absent in stores written before it. */
  changes?: ChangeLog;
  /** When retention last dropped stories: later feed pages may have changed then. */
  prunedAt?: string;
  /** Fingerprint of the category rules (the categories whole — keywords, excludes, agencies, frames, beneficiaries, ownEvents, their order — categoryMaps, urlMaps, the filing rule's version) the stored categories were computed with. */
  categoryRules?: string;
  lastRun?: RunSummary;
}
