// Entry of every worker thread run from the TypeScript source (the compiled build starts the
// worker's .js module itself: worker-module.ts). Node 20 hands a worker none of its parent's module hooks, so the
// TypeScript loader the parent runs under (tsx) is registered here before the real entry is loaded.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
