/** Reads a `file` source (demo sources and tests) under the same size cap as HTTP bodies. */
import { open } from 'node:fs/promises';
import { FetchError } from '../../errors.ts';
import { fileError, tooLargeError } from './fetch-errors.ts';
import type { FetchResult } from './fetch-source.ts';

/** Returns the whole file as the body; a file has no content type or validators. */
export async function fetchFile(path: string, maxBytes: number): Promise<FetchResult> {
  try {
    const handle = await open(path, 'r');
    try {
      if ((await handle.stat()).size > maxBytes) throw tooLargeError(maxBytes);
      const body = await handle.readFile();
      // The file may have grown between stat and read.
      if (body.length > maxBytes) throw tooLargeError(maxBytes);
      return { kind: 'body', body };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw error instanceof FetchError ? error : fileError(path, error);
  }
}
