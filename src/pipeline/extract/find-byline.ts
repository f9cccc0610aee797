/** Reads a closing byline ("Minh Anh", "Nguồn: Báo Cao Bằng", "Theo TTXVN", "Tin, ảnh: Hoàng Long") as an author name. */

const MAX_BYLINE_CHARS = 80;
const MAX_NAME_WORDS = 8;
// "Nguồn:" / "Theo" name the source; the others the writer. "Ảnh:" alone credits a photo, not the text.
const SOURCE_PREFIX = /^(?:nguồn(?:\s+tin)?\s*:|theo\s*:?)\s*(.+)$/iu;
const WRITER_PREFIX = /^(?:(?:tin|bài)(?:\s*(?:,|và|\/|-)\s*ảnh)?|tác\s+giả|người\s+viết|pv|ctv|btv|nhóm\s+pv)\s*:\s*(.+)$/iu;
const PARENTHESIS = /\([^()]{0,40}\)/gu;
const CONNECTOR = /^(?:-|–|—|,|&|và|\/)$/u;

/** The name a closing line gives, without its prefix; undefined when the line is not a byline. */
export function readByline(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim().replace(/[.;]+$/u, '').trim();
  if (text === '' || text.length > MAX_BYLINE_CHARS) return undefined;
  const prefixed = SOURCE_PREFIX.exec(text) ?? WRITER_PREFIX.exec(text);
  if (prefixed !== null) {
    const name = prefixed[1]!.trim();
    // "Theo kế hoạch, …" opens a sentence; a source is a name ("Theo TTXVN") or a site ("Theo baocaobang.vn").
    const looksNamed = /^\p{Lu}/u.test(name) || /^[\w-]+\.[a-z]{2,}/iu.test(name);
    return looksNamed && name.split(' ').length <= MAX_NAME_WORDS && !/[.!?]\s/u.test(name) ? name : undefined;
  }
  return isBareName(text) ? text : undefined;
}

/** Only capitalised words (and connectors, a parenthesised unit): "Hoàng Long - Thu Hà", "Minh Anh (Công an xã Hòa An)". */
function isBareName(text: string): boolean {
  const words = text.replace(PARENTHESIS, ' ').split(/\s+/u).filter((word) => word !== '' && !CONNECTOR.test(word));
  if (words.length === 0 || words.length > MAX_NAME_WORDS || words.some((word) => word.endsWith(':'))) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word.replace(/^[-–,]+/u, '')));
  return capitalised.length === words.length && (words.length >= 2 || /^\p{Lu}{2,}$/u.test(words[0]!));
}
