/**
 * What a copy's words say about each category: the keywords found in its title and in the first
 * TEXT_CHARS_READ characters of its text, and the first exclude phrase found there. Phrases match
 * whole syllable sequences of the comparison keys (NFC, case and tone placement folded, diacritics
 * kept); a keyword lying inside a longer keyword found at the same place, of any category, does not
 * count ("tín dụng" inside "tín dụng đen", "ngày hội" inside "ngày hội đại đoàn kết"), nor does an exclude
 * phrase inside a longer keyword of its own category ("cháy hàng" inside "cháy hàng chục"). A category's
 * agencies and frames are keywords that weigh as text wherever they are, its beneficiaries keywords that keep their
 * headline weight in the headline's setting ("… cho hộ nghèo"); its ownEvents (a body and one of its own
 * events, both in the headline) stop it like an exclude phrase; and a one-word keyword ending a capitalised name
 * in the headline ("Biển Bãi Cháy") does not count.
 */
import type { CategoryConfig } from '../../model/types.ts';
import { isUpperCode, wordSpans, type WordSpan } from '../normalize/vietnamese-names.ts';
import { foldToneMarks, syllables } from '../normalize/vietnamese-text.ts';
import { settingStart } from './title-frames.ts';

/**
 * One configured phrase: its category (by position in the config) and whether it files or stops filing;
 * an agency or a frame is a keyword that never weighs as a title keyword.
 */
interface Phrase {
  category: number;
  /** `ownBody` and `ownEvent`: the two halves of an ownEvents exclude, read in the headline only. */
  kind: 'keyword' | 'exclude' | 'ownBody' | 'ownEvent';
  /** Set for an agency's name or a frame word: the headline zone it is recorded in instead of `title`. */
  asText?: 'agencies' | 'frames';
  /** Set for a beneficiary: it keeps its headline weight after a setting word ("… cho hộ nghèo"). */
  beneficiary?: true;
  /** As the config spells it, for explanations. */
  text: string;
  /** Length in syllables. */
  length: number;
}

export interface CategoryEvidence {
  /** Distinct keywords found in the title, before its setting (title-frames.ts), and beneficiaries anywhere in it. */
  title: string[];
  /** Distinct keywords found in the title's setting ("… tại chợ phiên"), weighed as text keywords. */
  setting?: string[];
  /** Distinct agency names found in the title, weighed as text keywords. */
  agencies?: string[];
  /** Distinct frame words found in the title (the kind of event: "hội nghị tổng kết"), weighed as text keywords. */
  frames?: string[];
  /** Beneficiaries found in the title's setting ("… cho hộ nghèo"): in `title` too, named here so an explanation says why. */
  keptInSetting?: string[];
  /** Distinct keywords found in the text and not in the title. */
  text: string[];
  /** The first exclude phrase of the category found in the title or text. */
  excludedBy?: string;
  /** Set when what stopped the category is a body and one of its own events named in the headline (ownEvents). */
  ownEvent?: { body: string; event: string };
}

/** Category position → its evidence, for the categories any phrase of which occurs. */
export type CopyEvidence = Map<number, CategoryEvidence>;

/** A trie node while the table is built: the phrases ending here, and the next syllable's node by syllable number. */
interface TrieNode {
  ends: Phrase[];
  next: Map<number, TrieNode>;
}

/**
 * The trie as a line is walked in it: nodes by number (the root is 0), the root's children by syllable
 * number, and every other edge in one open-addressed table keyed by node and syllable number, rather than
 * a Map per node: a line of text looks up about two edges a word.
 */
interface WalkedTrie {
  /** Node → the phrases ending there. */
  ends: Phrase[][];
  /** Node → 1 when some phrase goes on past it. */
  hasNext: Uint8Array;
  /** Syllable number → the root's child for it (NO_NODE when no phrase starts with it): every word in a phrase looks here. */
  rootChildren: Int32Array;
  /** Slot → the edge's node and syllable (EMPTY_SLOT when free), and the node it leads to. */
  edgeNodes: Int32Array;
  edgeSyllables: Int32Array;
  edgeTargets: Int32Array;
  /** 32 minus log2 of the slot count: an edge's slot is the top bits of its hash. */
  shift: number;
}

const ROOT = 0;
const NO_NODE = -1;

/**
 * Every phrase's syllables numbered, in a trie. A cold cycle files thousands of long articles, so a line
 * is read once as char codes: each word's hash finds its syllable number without cutting the word out of
 * the line, then the trie is walked in integer steps. Most words of a Vietnamese text are a syllable of
 * some phrase (five in six in the bench's articles) and most of those start one, so both lookups are
 * made for nearly every word: they stay in typed arrays.
 */
export interface PhraseTable {
  syllables: SyllableTable;
  root: TrieNode;
  /** The trie built from `root` once every phrase is in. */
  trie: WalkedTrie;
  /** The ownEvents phrases, read in the headline only: a body's name is common in text, so the text scan never meets them. */
  headline?: PhraseTable & { categories: ReadonlySet<number>; bodies: readonly string[] };
}

/**
 * The phrases' syllables by number, and an open-addressed table from a word's hash to its number: every
 * word of a line is looked up here, and a Map keyed by the hash boxed half the hashes as heap numbers.
 */
interface SyllableTable {
  /** Syllable text by number. */
  texts: string[];
  /** Syllable number by text, while the table is built. */
  numbers: Map<string, number>;
  /** Slot → syllable number, or EMPTY_SLOT; a power of two long, at most a quarter full. */
  slots: Int32Array;
  /** Slot → the hash of the syllable in it, compared before its text. */
  hashes: Int32Array;
}

const EMPTY_SLOT = -1;

/** A table to add phrases to; its lookup arrays are filled once every phrase is in. */
function emptyTable(): PhraseTable {
  const syllables: SyllableTable = { texts: [], numbers: new Map(), slots: new Int32Array(0), hashes: new Int32Array(0) };
  return { syllables, root: { ends: [], next: new Map() }, trie: walkedTrie({ ends: [], next: new Map() }, 0) };
}

/** Indexes every keyword and exclude phrase of the categories once. */
export function indexCategoryPhrases(categories: readonly CategoryConfig[]): PhraseTable {
  const table = emptyTable();
  const headline = emptyTable();
  categories.forEach((category, index) => {
    for (const text of category.keywords) addPhrase(table, text, { category: index, kind: 'keyword', text, length: 0 });
    for (const text of category.exclude ?? []) addPhrase(table, text, { category: index, kind: 'exclude', text, length: 0 });
    for (const text of category.agencies ?? []) addPhrase(table, text, { category: index, kind: 'keyword', asText: 'agencies', text, length: 0 });
    for (const text of category.frames ?? []) addPhrase(table, text, { category: index, kind: 'keyword', asText: 'frames', text, length: 0 });
    for (const text of category.beneficiaries ?? []) addPhrase(table, text, { category: index, kind: 'keyword', beneficiary: true, text, length: 0 });
    for (const text of category.ownEvents?.bodies ?? []) addPhrase(headline, text, { category: index, kind: 'ownBody', text, length: 0 });
    for (const text of category.ownEvents?.events ?? []) addPhrase(headline, text, { category: index, kind: 'ownEvent', text, length: 0 });
  });
  const owning = new Set(categories.flatMap((category, index) => (category.ownEvents === undefined ? [] : [index])));
  const bodies = [...new Set(categories.flatMap((category) => category.ownEvents?.bodies ?? []).map((body) => syllables(body).join(' ')))];
  for (const sealed of [table, headline]) {
    hashSyllables(sealed.syllables);
    sealed.trie = walkedTrie(sealed.root, sealed.syllables.texts.length);
  }
  if (headline.syllables.texts.length > 0) table.headline = { ...headline, categories: owning, bodies };
  return table;
}

/** Phrases with no letter or digit are left out. */
function addPhrase(table: PhraseTable, text: string, phrase: Phrase): void {
  const words = syllables(text);
  if (words.length === 0) return;
  let node = table.root;
  for (const word of words) {
    const number = syllableNumber(table, word);
    let child = node.next.get(number);
    if (child === undefined) node.next.set(number, (child = { ends: [], next: new Map() }));
    node = child;
  }
  node.ends.push({ ...phrase, length: words.length });
}

function syllableNumber(table: PhraseTable, word: string): number {
  const { texts, numbers } = table.syllables;
  const known = numbers.get(word);
  if (known !== undefined) return known;
  numbers.set(word, texts.length);
  texts.push(word);
  return texts.length - 1;
}

/** Fills the hash slots once every phrase is in: linear probing in a table at most a quarter full. */
function hashSyllables(table: SyllableTable): void {
  let size = 8;
  while (size < table.texts.length * 4) size *= 2;
  table.slots = new Int32Array(size).fill(EMPTY_SLOT);
  table.hashes = new Int32Array(size);
  table.texts.forEach((text, number) => {
    const hash = hashOf(text, 0, text.length);
    let slot = hash & (size - 1);
    while (table.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & (size - 1);
    table.slots[slot] = number;
    table.hashes[slot] = hash;
  });
}

/** Numbers the trie's nodes breadth first (the root 0) and puts every edge in a table at most a quarter full. */
function walkedTrie(root: TrieNode, syllableCount: number): WalkedTrie {
  const nodes: TrieNode[] = [root];
  for (let at = 0; at < nodes.length; at++) for (const child of nodes[at]!.next.values()) nodes.push(child);
  let bits = 3;
  while (1 << bits < nodes.length * 4) bits++;
  const trie: WalkedTrie = {
    ends: nodes.map((node) => node.ends),
    hasNext: Uint8Array.from(nodes, (node) => (node.next.size > 0 ? 1 : 0)),
    rootChildren: new Int32Array(syllableCount).fill(NO_NODE),
    edgeNodes: new Int32Array(1 << bits).fill(EMPTY_SLOT),
    edgeSyllables: new Int32Array(1 << bits),
    edgeTargets: new Int32Array(1 << bits),
    shift: 32 - bits,
  };
  const numberOfNode = new Map(nodes.map((node, number) => [node, number]));
  nodes.forEach((node, number) => {
    for (const [syllable, child] of node.next) {
      let slot = edgeSlot(trie, number, syllable);
      while (trie.edgeNodes[slot] !== EMPTY_SLOT) slot = (slot + 1) & (trie.edgeNodes.length - 1);
      trie.edgeNodes[slot] = number;
      trie.edgeSyllables[slot] = syllable;
      trie.edgeTargets[slot] = numberOfNode.get(child)!;
      if (number === ROOT) trie.rootChildren[syllable] = numberOfNode.get(child)!;
    }
  });
  return trie;
}

function edgeSlot(trie: WalkedTrie, node: number, syllable: number): number {
  return Math.imul(Math.imul(node, 0x01000193) ^ syllable, 0x9e3779b1) >>> trie.shift;
}

/** The node the syllable leads to from `node`, or NO_NODE. */
function childOf(trie: WalkedTrie, node: number, syllable: number): number {
  if (trie.hasNext[node] === 0) return NO_NODE;
  const { edgeNodes, edgeSyllables } = trie;
  const mask = edgeNodes.length - 1;
  for (let slot = edgeSlot(trie, node, syllable); edgeNodes[slot] !== EMPTY_SLOT; slot = (slot + 1) & mask) {
    if (edgeNodes[slot] === node && edgeSyllables[slot] === syllable) return trie.edgeTargets[slot]!;
  }
  return NO_NODE;
}

function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let at = from; at < to; at++) hash = (Math.imul(hash, 31) + text.charCodeAt(at)) | 0;
  return hash;
}

/**
 * Characters of text read after the title: a story says what it is about in its headline and lead,
 * the tail of a long article mentions much else, and reading it all would make filing cost grow with
 * the article.
 */
export const TEXT_CHARS_READ = 1500;

/** The evidence of a copy whose title and text lines are already comparison keys (the title as written tells names apart). */
export function findEvidence(titleKey: string, lineKeys: readonly string[], table: PhraseTable, title: string): CopyEvidence {
  const evidence: CopyEvidence = new Map();
  recordTitle(evidence, titleKey, table, title);
  let budget = TEXT_CHARS_READ;
  for (const line of lineKeys) {
    if (budget <= 0) break;
    record(evidence, 'text', matchLine(line.length <= budget ? line : wholeWordsWithin(line, budget), table));
    budget -= line.length + 1;
  }
  // Own events matter only to a category some keyword was found for, in a headline naming a body: most copies skip this second scan.
  const { headline } = table;
  if (headline !== undefined && headline.bodies.some((body) => titleKey.includes(body)) && [...headline.categories].some((category) => evidence.has(category))) {
    recordOwnEvents(evidence, matchLine(titleKey, headline));
  }
  return evidence;
}

/** The start of a line up to `length` characters, without a word cut in two. */
function wholeWordsWithin(line: string, length: number): string {
  const space = line.lastIndexOf(' ', length);
  return space <= 0 ? '' : line.slice(0, space);
}

/** The title's keywords, its agencies' names and frame words, and the keywords starting after its first setting word. */
function recordTitle(evidence: CopyEvidence, titleKey: string, table: PhraseTable, title: string): void {
  let matches = matchLine(titleKey, table);
  if (matches.length === 0) return;
  // Only a keyword the headline spells with a capital can end a name: most headlines skip the word scan.
  const candidates = matches.filter(mayEndName);
  // Spelled as the keys are (NFC, tones folded): an NFD title or an old tone placement still shows its capitals.
  const spelled = candidates.length === 0 ? '' : foldToneMarks(title);
  const capitalised = candidates.filter((match) => spelled.includes(foldToneMarks(withCapital(match.phrase.text))));
  if (capitalised.length > 0) {
    const words = wordSpans(spelled, KEY_WORD);
    if (!isTitleCase(words)) matches = matches.filter((match) => !(capitalised.includes(match) && endsName(words, match.start)));
  }
  const setting = settingStart(titleKey, (position) => matches.some((match) => match.phrase.kind === 'keyword' && match.start <= position && position < match.end));
  record(evidence, 'agencies', matches.filter((match) => match.phrase.asText === 'agencies'));
  record(evidence, 'frames', matches.filter((match) => match.phrase.asText === 'frames'));
  const inSetting = (match: Match) => match.start >= setting && match.phrase.beneficiary === undefined;
  record(evidence, 'title', matches.filter((match) => match.phrase.asText === undefined && !inSetting(match)));
  record(evidence, 'setting', matches.filter((match) => match.phrase.asText === undefined && inSetting(match)));
  for (const { phrase, start } of matches) {
    if (phrase.beneficiary === undefined || start < setting) continue;
    const kept = (evidence.get(phrase.category)!.keptInSetting ??= []);
    if (!kept.includes(phrase.text)) kept.push(phrase.text);
  }
}

/** A headline naming a category's body and one of its own events: the body's own life stops the category ("công an + giải bóng đá"). */
function recordOwnEvents(evidence: CopyEvidence, matches: readonly Match[]): void {
  for (const body of matches) {
    if (body.phrase.kind !== 'ownBody') continue;
    const event = matches.find((match) => match.phrase.kind === 'ownEvent' && match.phrase.category === body.phrase.category);
    if (event === undefined) continue;
    let entry = evidence.get(body.phrase.category);
    if (entry === undefined) evidence.set(body.phrase.category, (entry = { title: [], text: [] }));
    if (entry.excludedBy !== undefined) continue;
    entry.excludedBy = `${body.phrase.text} + ${event.phrase.text}`;
    entry.ownEvent = { body: body.phrase.text, event: event.phrase.text };
  }
}

/**
 * A one-word keyword written with a capital right after another capitalised word ends a name — "Biển Bãi Cháy" is
 * a beach, not a fire (keys keep no capitals) — unless that word opens the headline or a clause, where every word
 * has a capital ("Giá Bitcoin …"). Longer keywords are left alone: "Sở Y tế", "Bộ Công an" are bodies whose
 * names say what they do.
 */
function mayEndName(match: Match): boolean {
  return match.start > 0 && match.phrase.length === 1 && match.phrase.kind === 'keyword';
}

function withCapital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

// The same word boundaries as the comparison key, so the title's words line up with the key's syllables.
const KEY_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A headline in Title Case ("Hà Nội: Kho Hàng Cháy Rụi") capitalises every word, so its capitals mark no name: more
 * than four in five of its words with a letter start with a capital. "Tắm biển Bãi Cháy" (three of four) is no Title Case.
 */
function isTitleCase(words: readonly WordSpan[]): boolean {
  const lettered = words.filter((word) => /^\p{L}/u.test(word.text));
  return lettered.filter((word) => isUpperCode(word.text.charCodeAt(0))).length * 5 > lettered.length * 4;
}

function endsName(words: readonly WordSpan[], at: number): boolean {
  const word = words[at];
  const before = words[at - 1];
  const opening = words[at - 2];
  if (word === undefined || before === undefined || opening === undefined || !isNameWord(word.text) || !isUpperCode(before.text.charCodeAt(0))) return false;
  return word.start - before.end === 1 && before.start - opening.end === 1;
}

/** A capitalised word with small letters after its first (an acronym, "CSGT", names no place). */
function isNameWord(word: string): boolean {
  return isUpperCode(word.charCodeAt(0)) && word.length > 1 && !isUpperCode(word.charCodeAt(1));
}

function record(evidence: CopyEvidence, zone: 'title' | 'agencies' | 'frames' | 'setting' | 'text', matches: readonly Match[]): void {
  for (const { phrase } of matches) {
    let entry = evidence.get(phrase.category);
    if (entry === undefined) evidence.set(phrase.category, (entry = { title: [], text: [] }));
    if (phrase.kind === 'exclude') entry.excludedBy ??= phrase.text;
    else if (!isRecorded(entry, phrase.text)) (entry[zone] ??= []).push(phrase.text);
  }
}

function isRecorded(entry: CategoryEvidence, text: string): boolean {
  return (
    entry.title.includes(text) ||
    entry.text.includes(text) ||
    (entry.setting?.includes(text) ?? false) ||
    (entry.agencies?.includes(text) ?? false) ||
    (entry.frames?.includes(text) ?? false)
  );
}

interface Match {
  phrase: Phrase;
  start: number;
  end: number;
}

const NOT_IN_ANY_PHRASE = -1;

// Reused for every line: a cold cycle scans millions of words, and a fresh array per line is garbage.
let numbers: Int32Array = new Int32Array(256);

/** The phrases occurring in one line, in order, without keywords (or a category's own exclude phrases) nested in a longer keyword. */
function matchLine(key: string, table: PhraseTable): Match[] {
  if (key === '') return [];
  const count = numberWords(key, table);
  const { trie } = table;
  let matches: Match[] | undefined;
  for (let start = 0; start < count; start++) {
    if (numbers[start] === NOT_IN_ANY_PHRASE) continue;
    let node = trie.rootChildren[numbers[start]!]!;
    for (let at = start + 1; node !== NO_NODE; at++) {
      for (const phrase of trie.ends[node]!) (matches ??= []).push({ phrase, start, end: at });
      if (at >= count || numbers[at] === NOT_IN_ANY_PHRASE) break;
      node = childOf(trie, node, numbers[at]!);
    }
  }
  if (matches === undefined) return [];
  if (!anyOverlap(matches)) return matches;
  return matches.filter((match) => !matches.some((other) => covers(other, match)));
}

/** Whether two matches share a word; a match covers another only then, and most lines hold none (matches come by start). */
function anyOverlap(matches: readonly Match[]): boolean {
  let end = 0;
  for (const match of matches) {
    if (match.start < end) return true;
    end = match.end;
  }
  return false;
}

const SPACE = 32;

/** Writes each word's syllable number (or NOT_IN_ANY_PHRASE) into `numbers`; returns the word count. */
function numberWords(key: string, table: PhraseTable): number {
  let count = 0;
  let hash = 0;
  let from = 0;
  for (let at = 0; at <= key.length; at++) {
    const code = at === key.length ? SPACE : key.charCodeAt(at);
    if (code !== SPACE) {
      hash = (Math.imul(hash, 31) + code) | 0;
      continue;
    }
    if (count === numbers.length) numbers = growNumbers(numbers);
    numbers[count++] = numberOf(key, from, at, hash, table.syllables);
    hash = 0;
    from = at + 1;
  }
  return count;
}

function numberOf(key: string, from: number, to: number, hash: number, table: SyllableTable): number {
  const { slots, hashes, texts } = table;
  const mask = slots.length - 1;
  for (let slot = hash & mask; slots[slot] !== EMPTY_SLOT; slot = (slot + 1) & mask) {
    if (hashes[slot] !== hash) continue;
    if (spellsAt(key, from, to, texts[slots[slot]!]!)) return slots[slot]!;
  }
  return NOT_IN_ANY_PHRASE;
}

/** Whether key[from, to) is the syllable: compared char by char, cheaper than startsWith for a word of a few letters. */
function spellsAt(key: string, from: number, to: number, syllable: string): boolean {
  if (syllable.length !== to - from) return false;
  for (let at = 0; at < syllable.length; at++) if (key.charCodeAt(from + at) !== syllable.charCodeAt(at)) return false;
  return true;
}

function growNumbers(full: Int32Array): Int32Array {
  const grown = new Int32Array(full.length * 2);
  grown.set(full);
  return grown;
}

/**
 * A longer keyword covers a keyword of any category, and an exclude phrase of its own category, found inside it
 * at the same place: "cháy hàng chục ki-ốt" is a fire, though "cháy hàng" (sold out) stops An ninh trật tự.
 */
function covers(outer: Match, inner: Match): boolean {
  return (
    outer !== inner &&
    outer.phrase.kind === 'keyword' &&
    (inner.phrase.kind === 'keyword' || inner.phrase.category === outer.phrase.category) &&
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    outer.end - outer.start > inner.end - inner.start
  );
}
