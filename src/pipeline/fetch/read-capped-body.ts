/** Reads a response body while counting bytes, giving up as soon as it passes the cap so memory stays bounded. */
import type { ReadableStream } from 'node:stream/web';
import { tooLargeError } from './fetch-errors.ts';

/** A response body as undici's fetch hands it over: a web stream of bytes. */
type BodyStream = ReadableStream<Uint8Array>;

/** Rejects before reading when Content-Length already announces more than maxBytes. */
export function checkDeclaredLength(contentLength: string | null, maxBytes: number): void {
  // With Content-Encoding this is the compressed size, a lower bound of what we would read.
  if (contentLength !== null && Number(contentLength) > maxBytes) throw tooLargeError(maxBytes);
}

/** Collects the (already decompressed) body, cancelling the stream once it exceeds maxBytes. */
export async function readCappedBody(
  body: BodyStream | null,
  maxBytes: number,
): Promise<Buffer> {
  if (body === null) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Buffer.concat(chunks, total);
      total += value.byteLength;
      if (total > maxBytes) throw tooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
}

/** Throws away a body we will not read, so the socket is released at once rather than at GC. */
export async function discardBody(body: BodyStream | null): Promise<void> {
  await body?.cancel().catch(() => undefined);
}
