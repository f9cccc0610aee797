/** The error hierarchy: one class per stage, each with a stable `code` callers switch on. */

export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export type FetchErrorCode = 'TIMEOUT' | 'HTTP_STATUS' | 'TOO_LARGE' | 'NETWORK' | 'REDIRECT' | 'FILE';
export class FetchError extends AppError {
  declare readonly code: FetchErrorCode;
  /** The HTTP status when code is HTTP_STATUS. */
  readonly status?: number;
  /** How long a 429 / 503 answer's `Retry-After` asked us to wait, in ms. */
  readonly retryAfterMs?: number;
  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown; status?: number; retryAfterMs?: number }) {
    super(code, message, options);
    if (options?.status !== undefined) this.status = options.status;
    if (options?.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }
}

export type ParseErrorCode = 'NOT_A_FEED' | 'XML' | 'EMPTY';
export class ParseError extends AppError {
  declare readonly code: ParseErrorCode;
  constructor(code: ParseErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** An HTML page bantin will not read: refused by robots.txt, without article links, or shaped to make extraction slow. */
export type CrawlErrorCode = 'ROBOTS_REFUSED' | 'NO_ARTICLE_LINKS' | 'TOO_DEEP';
export class CrawlError extends AppError {
  declare readonly code: CrawlErrorCode;
  constructor(code: CrawlErrorCode, message: string) {
    super(code, message);
  }
}

export type StoreErrorCode = 'CORRUPT' | 'UNREADABLE' | 'LOCKED' | 'SCHEMA' | 'WRITE' | 'NOT_EMPTY';
export class StoreError extends AppError {
  declare readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** `npm start`'s ingestion thread cannot take a request: it ended and is being started again. */
export class IngestionUnavailableError extends AppError {
  declare readonly code: 'UNAVAILABLE';
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}

export class ConfigError extends AppError {
  /** One line per problem, each naming its field (`sources[3].url: required`). */
  readonly problems: readonly string[];
  constructor(file: string, problems: readonly string[]) {
    super('INVALID', `config ${file}:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

/** The error's message in plain words, for health reports and logs. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
