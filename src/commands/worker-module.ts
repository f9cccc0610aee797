/**
 * Where a worker thread starts. The compiled build (dist/, plain node) starts the worker's own `.js`
 * module; run from the TypeScript source (tsx, vitest) it starts typescript-worker.mjs, which
 * registers tsx in the new thread before loading the `.ts` entry, since Node 20 hands a worker none
 * of its parent's module hooks. tsx is a dev dependency: the compiled build must never need it.
 */

/** `new Worker(boot, { workerData: { entry, … } })`; `entry` is read by typescript-worker.mjs only. */
export interface WorkerModule {
  boot: URL;
  entry: string;
}

// This module's own extension tells which of the two builds is running.
const COMPILED = import.meta.url.endsWith('.js');

/** `source` names the worker's TypeScript file (`new URL('./x-worker.ts', import.meta.url)`). */
export function workerModule(source: URL): WorkerModule {
  if (!COMPILED) return { boot: new URL('./typescript-worker.mjs', import.meta.url), entry: source.href };
  const compiled = new URL(source.href.replace(/\.ts$/, '.js'));
  return { boot: compiled, entry: compiled.href };
}
