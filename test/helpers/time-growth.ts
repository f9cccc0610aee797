/**
 * How a function's CPU time grows from an input to one ten times larger, measured within one run, so
 * tests can catch super-linear work (a backtracking regex) without asserting any absolute time.
 */
import { cpuMsSince } from '../../src/cpu-time.ts';

export interface Growth {
  /** Least time of one call on the small input, in ms (never under the time to read that input once). */
  smallMs: number;
  /** Least time of one call on the large input, in ms. */
  largeMs: number;
  ratio: number;
}

export interface GrowthOptions {
  /** A ratio at or under this ends the measuring early: more calls could only lower it. */
  limit: number;
  /** Calls on the large input at most (5); one will do for a test that expects steep growth. */
  largeSamples?: number;
  /** Whole measurements at most, both inputs timed afresh, while the ratio stays over the limit (3); 1 for a test that expects steep growth. */
  attempts?: number;
}

const SMALL_SAMPLES = 3;
const LARGE_SAMPLES = 5;
const ATTEMPTS = 3;
// Past this, one call on the large input is proof enough of steep growth: more would only cost time.
const ENOUGH_MS = 1_000;
// Between attempts: a burst of other work on a shared machine may have passed by the next one.
const PAUSE_BETWEEN_ATTEMPTS_MS = 100;

/**
 * The growth of the least steep of a few whole measurements. Only a ratio over the limit is measured again:
 * a burst of load on a shared machine can make one measurement steep, while super-linear work (a quadratic
 * regex: about 100× for ten times the input) is steep in every one and still fails.
 */
export async function measureGrowth<T extends string>(run: (input: T) => unknown, small: T, large: T, options: GrowthOptions): Promise<Growth> {
  let least = await measureOnce(run, small, large, options);
  for (let attempt = 1; attempt < (options.attempts ?? ATTEMPTS); attempt++) {
    if (least.ratio <= options.limit || least.largeMs > ENOUGH_MS) break;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_BETWEEN_ATTEMPTS_MS));
    const again = await measureOnce(run, small, large, options);
    if (again.ratio < least.ratio) least = again;
  }
  return least;
}

/**
 * The least time of a call on each input over a few calls (noise only ever adds time). The large input is
 * called again only while its ratio is over the limit. The small time is floored at one read of the small
 * input, so a function that returns at once (any input) is not judged on a few microseconds of noise.
 */
async function measureOnce<T extends string>(run: (input: T) => unknown, small: T, large: T, options: GrowthOptions): Promise<Growth> {
  // The least of a few calls: the first, before the JIT has warmed up, is never the least.
  let smallMs = await leastTime(readOnce, small, SMALL_SAMPLES);
  smallMs = Math.max(smallMs, await leastTime(run, small, SMALL_SAMPLES));
  let largeMs = await timeCall(run, large);
  const largeCalls = callsForBatch(largeMs);
  for (let i = 1; i < (options.largeSamples ?? LARGE_SAMPLES); i++) {
    if (largeMs / smallMs <= options.limit || largeMs > ENOUGH_MS) break;
    largeMs = Math.min(largeMs, await timeCalls(run, large, largeCalls));
  }
  return { smallMs, largeMs, ratio: largeMs / smallMs };
}

// A call is timed in a batch of calls at least this long: CPU time is accounted in ticks, and on a loaded
// machine one tick more on a call of a tenth of a millisecond reads as steep growth.
const MIN_BATCH_MS = 5;
const MAX_BATCH_CALLS = 1_000;

async function leastTime<T>(run: (input: T) => unknown, input: T, samples: number): Promise<number> {
  const calls = await batchSize(run, input);
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < samples; i++) least = Math.min(least, await timeCalls(run, input, calls));
  return least;
}

/** How many calls make a batch of MIN_BATCH_MS, from one call's time (one call for anything slower). */
async function batchSize<T>(run: (input: T) => unknown, input: T): Promise<number> {
  return callsForBatch(await timeCall(run, input));
}

function callsForBatch(onceMs: number): number {
  return Math.min(MAX_BATCH_CALLS, Math.max(1, Math.ceil(MIN_BATCH_MS / Math.max(onceMs, 0.001))));
}

/** CPU time per call over a batch of `calls` calls, in ms, read once around the whole batch. */
async function timeCalls<T>(run: (input: T) => unknown, input: T, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) {
    const result = run(input);
    // Awaiting only promises: a microtask per call would swamp a function that takes microseconds.
    if (result instanceof Promise) await result.catch(() => undefined);
  }
  return cpuMsSince(start) / calls;
}

/** What reading every character once costs: the least any function of the whole input can take. */
function readOnce(input: string): number {
  let hash = 0;
  for (let index = 0; index < input.length; index++) hash = (hash + input.charCodeAt(index)) | 0;
  return hash;
}

/**
 * CPU time of one call, in ms: on a machine shared with other work, wall time also counts the moments
 * this process waited for a core, which would make any slow call look steep.
 */
function timeCall<T>(run: (input: T) => unknown, input: T): Promise<number> {
  return timeCalls(run, input, 1);
}

/** `unit` repeated between prefix and suffix until the whole is about `chars` long, as one flat string. */
export function repeatTo(chars: number, unit: string, prefix = '', suffix = ''): string {
  const count = Math.max(1, Math.round((chars - prefix.length - suffix.length) / unit.length));
  return [prefix, unit.repeat(count), suffix].join('');
}
