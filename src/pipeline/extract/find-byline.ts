/** Reads a closing byline ("Minh Anh", "Nguồn: Báo Cao Bằng", "Theo TTXVN", "Tin, ảnh: Hoàng Long") as an author name. */

const MAX_BYLINE_CHARS = 80;
const MAX_NAME_WORDS = 8;
// "Nguồn:" / "Theo" name the source; the others the writer. "Ảnh:" alone credits a photo, not the text.
const SOURCE_PREFIX = /^(?:nguồn(?:\s+tin)?\s*:|theo\s*:?)\s*(.+)$/iu;
const WRITER_PREFIX = /^(?:(?:tin|bài)(?:\s*(?:,|và|\/|-)\s*ảnh)?|tác\s+giả|người\s+viết|pv|ctv|btv|nhóm\s+pv)\s*:\s*(.+)$/iu;
const PARENTHESIS = /\([^()]{0,40}\)/gu;
const CONNECTOR = /^(?:-|–|—|,|&|và|\/)$/u;
const UNIT_START = /^(?:Ban|Phòng|Văn phòng|Sở|Công an|Bộ Chỉ huy|Ban Chỉ huy|UBND|HĐND|MTTQ|Ủy ban|Trung tâm|Báo|Đài|Hội|Đoàn|Chi cục|Cục|Tỉnh ủy|Thành ủy|Đảng ủy|Mặt trận|Bộ phận|Tổ)\s/u;
const MAX_UNIT_WORDS = 9;
const UNIT_IN_PARENTHESES = /\s*\(([^()]{1,60})\)$/u;
// Portals sign with initials ("T.Q", "Tr.V.Q", "H.Đ.A"): one word, but a name.
const INITIALS = /^(?:\p{Lu}\p{Ll}?\.)+\p{Lu}\p{Ll}?\.?$/u;

/** The name a closing line gives, without its prefix; undefined when the line is not a byline. */
export function readByline(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim().replace(/[.;]+$/u, '').trim();
  if (text === '' || text.length > MAX_BYLINE_CHARS) return undefined;
  const prefixed = SOURCE_PREFIX.exec(text) ?? WRITER_PREFIX.exec(text);
  if (prefixed !== null) {
    const name = prefixed[1]!.trim();
    // "Theo kế hoạch, …" opens a sentence; a source is a name ("Theo TTXVN") or a site ("Theo baocaobang.vn").
    const looksNamed = /^\p{Lu}/u.test(name) || /^[\w-]+\.[a-z]{2,}/iu.test(name);
    return looksNamed && name.split(' ').length <= MAX_NAME_WORDS && !/[.!?]\s/u.test(name) ? (personOf(name) ?? name) : undefined;
  }
  return personOf(text) ?? (isUnit(text) ? text : undefined);
}

/** The name a labelled byline line gives ("Tác giả: N.T.P", "Tin, ảnh: Đ.V.T", "Theo TTXVN"); undefined for any other line. */
export function readLabelledByline(line: string): string | undefined {
  const text = line.replace(/\s+/g, ' ').trim();
  return SOURCE_PREFIX.test(text) || WRITER_PREFIX.test(text) ? readByline(text) : undefined;
}

/**
 * A person's name without the unit signed beside it: "Nguyễn Thị Lan - Văn phòng HĐND và UBND xã" and
 * "P.T.Q (Trung tâm Văn hóa thành phố)" give the name, as a unit on the line below does.
 */
function personOf(text: string): string | undefined {
  const unit = UNIT_IN_PARENTHESES.exec(text);
  if (unit !== null && isUnit(unit[1]!) && isBareName(text.slice(0, unit.index).trim())) return text.slice(0, unit.index).trim();
  if (isBareName(text)) return text;
  const dash = / [-–] /u.exec(text);
  if (dash !== null && isBareName(text.slice(0, dash.index)) && /^\p{Lu}/u.test(text.slice(dash.index + 3))) return text.slice(0, dash.index);
  return undefined;
}

/** A name on one visual line and its unit on the next ("<b>Đ.T.M</b><br>Trung tâm Truyền thông tỉnh"): the name. */
export function readBylineLines(lines: readonly string[]): string | undefined {
  const [first, ...rest] = lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
  if (first === undefined) return undefined;
  if (rest.length === 0) return readByline(first);
  const name = readByline(first);
  return name !== undefined && !isUnit(first) && rest.length === 1 && isUnit(rest[0]!) ? name : undefined;
}

/** An office signing the article ("Ban Văn hóa - Xã hội phường", "Sở Nông nghiệp và Môi trường"): a unit's name and nothing more. */
export function isUnit(text: string): boolean {
  return UNIT_START.test(text) && text.split(/\s+/u).length <= MAX_UNIT_WORDS && !/[.!?,;:]/u.test(text);
}

/** Only capitalised words (and connectors, a parenthesised unit): "Hoàng Long - Thu Hà", "P.T.Q", "Minh Anh (Công an xã Hòa An)". */
function isBareName(text: string): boolean {
  const words = text.replace(PARENTHESIS, ' ').split(/\s+/u).filter((word) => word !== '' && !CONNECTOR.test(word));
  if (words.length === 0 || words.length > MAX_NAME_WORDS || words.some((word) => word.endsWith(':'))) return false;
  const capitalised = words.filter((word) => /^\p{Lu}/u.test(word.replace(/^[-–,]+/u, '')));
  return capitalised.length === words.length && (words.length >= 2 || /^\p{Lu}{2,}$/u.test(words[0]!) || INITIALS.test(words[0]!));
}
