/** Encodes Vietnamese text to windows-1258 bytes the way portals do: base letters precomposed, tone marks combining. */
import iconv from 'iconv-lite';

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * windows-1258 has ô, ơ, ă… but no precomposed ò, ỉ, ệ: those are a letter plus a combining
 * tone mark, so plain iconv.encode of NFC text would turn them into `?`.
 */
export function encodeWindows1258(text: string): Buffer {
  const split = [...text.normalize('NFC')]
    .map((char) => {
      const decomposed = char.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
      return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
    })
    .join('');
  return iconv.encode(split, 'windows-1258');
}
