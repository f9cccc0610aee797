/** Just enough of Python's literal syntax to read feedparser's `Expect:` values: strings, numbers, tuples, None/True/False. */

export type PythonValue = string | number | boolean | null | PythonValue[];

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '',
};

/** Reads one literal at `pos`; returns it and the position after it, or undefined when it is not one we know. */
export function readPythonLiteral(source: string, pos = 0): { value: PythonValue; end: number } | undefined {
  pos = skipSpace(source, pos);
  const char = source.charAt(pos);
  if (char === '(' || char === '[') return readSequence(source, pos, char === '(' ? ')' : ']');
  const string = /^([uUbBrR]{0,2})(['"])/.exec(source.slice(pos, pos + 3));
  if (string) return readString(source, pos + string[1]!.length, string[1]!.toLowerCase().includes('r'));
  const number = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(source.slice(pos));
  if (number) return { value: Number(number[0]), end: pos + number[0].length };
  for (const [word, value] of [['None', null], ['True', true], ['False', false]] as const) {
    if (source.startsWith(word, pos) && !/\w/.test(source.charAt(pos + word.length))) return { value, end: pos + word.length };
  }
  return undefined;
}

function readSequence(source: string, pos: number, close: string): { value: PythonValue[]; end: number } | undefined {
  const values: PythonValue[] = [];
  pos = skipSpace(source, pos + 1);
  while (source.charAt(pos) !== close) {
    const item = readPythonLiteral(source, pos);
    if (item === undefined) return undefined;
    values.push(item.value);
    pos = skipSpace(source, item.end);
    if (source.charAt(pos) === ',') pos = skipSpace(source, pos + 1);
    else if (source.charAt(pos) !== close) return undefined;
  }
  return { value: values, end: pos + 1 };
}

function readString(source: string, pos: number, raw: boolean): { value: string; end: number } | undefined {
  const quote = source.charAt(pos);
  let value = '';
  for (let i = pos + 1; i < source.length; i++) {
    const char = source.charAt(i);
    if (char === quote) return { value, end: i + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const next = source.charAt(i + 1);
    if (raw) {
      value += char + next;
      i++;
      continue;
    }
    const hex = { x: 2, u: 4, U: 8 }[next];
    if (hex !== undefined) {
      value += String.fromCodePoint(parseInt(source.slice(i + 2, i + 2 + hex), 16));
      i += 1 + hex;
    } else if (SIMPLE_ESCAPES[next] !== undefined) {
      value += SIMPLE_ESCAPES[next];
      i++;
    } else {
      value += char; // Python keeps an unknown escape as written
    }
  }
  return undefined;
}

function skipSpace(source: string, pos: number): number {
  while (/\s/.test(source.charAt(pos))) pos++;
  return pos;
}
