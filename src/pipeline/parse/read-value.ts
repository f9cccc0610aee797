/** Small readers for the loosely typed values that xml2js and JSON give: strings, `{ _: text, $: attrs }`, arrays. */

export type Loose = Record<string, unknown>;

export function isRecord(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trimmed text of a value (a string, a number, xml2js `{ _ }`, or the first of an array); blank is undefined. */
export function textOf(value: unknown): string | undefined {
  // A loop, not recursion: a JSON feed may nest arrays (or `_` keys) thousands deep.
  let inner = value;
  while (Array.isArray(inner) || isRecord(inner)) inner = Array.isArray(inner) ? inner[0] : inner._;
  if (typeof inner === 'number' && Number.isFinite(inner)) return String(inner);
  if (typeof inner !== 'string') return undefined;
  const trimmed = inner.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The first of the values that has text. */
export function firstText(...values: unknown[]): string | undefined {
  for (const value of values) {
    const text = textOf(value);
    if (text !== undefined) return text;
  }
  return undefined;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The attributes xml2js keeps under `$`. */
export function attributesOf(value: unknown): Loose {
  return isRecord(value) && isRecord(value.$) ? value.$ : {};
}

/** Whether a media type, or failing that the url's extension, says this is an image. */
export function isImage(type: string | undefined, url: string | undefined): boolean {
  if (type !== undefined) return type.toLowerCase().startsWith('image/');
  return url !== undefined && /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#]|$)/i.test(url);
}

/** Drops undefined members so results compare and serialise cleanly. */
export function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  const result: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    const value = values[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}
