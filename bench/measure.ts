/** Small measuring helpers: medians, a forced GC between runs, CPU and wall time of one call. */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { cpuMsSince } from '../src/cpu-time.ts';

setFlagsFromString('--expose-gc');
const gcFunction = runInNewContext('gc') as () => void;

/** A full collection, so garbage from setting a run up is not collected while it is timed. */
export function collectGarbage(): void {
  gcFunction();
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Timed<T> {
  value: T;
  wallMs: number;
  /** User + system CPU of this process (all its threads) during the call. */
  cpuMs: number;
}

export async function timed<T>(work: () => Promise<T> | T): Promise<Timed<T>> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const wallMs = performance.now() - start;
  return { value, wallMs, cpuMs: cpuMsSince(cpu) };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
