/** Section 4: the lowdb JSON store at 20,000 and 100,000 stories: file size, load, write, event-loop stall, peak RSS. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchSize } from '../bench-size.ts';
import { round } from '../measure.ts';
import { startChild } from '../processes/child-process.ts';
import type { StoreChildArgument, StoreChildReport } from '../processes/store-child.ts';

export interface StoreRow {
  stories: number;
  /** Whether generating and writing the store worked at all; `error` says why not. */
  ok: boolean;
  error?: string;
  fileMB?: number;
  loadMs?: number;
  /** Load, change 1 % of the stories, save, as a running service's cycle does: the figures of that process. */
  writeMs?: number;
  stallMs?: number;
  /** Loading, then writing every story afresh (the first save after an upgrade), in a third process; undefined if that failed. */
  fullWriteMs?: number;
  fullStallMs?: number;
  peakRssMB: number;
}

const CHILD = new URL('../processes/store-child.ts', import.meta.url);

export async function benchStore(size: BenchSize, log: (line: string) => void): Promise<StoreRow[]> {
  const rows: StoreRow[] = [];
  for (const stories of size.store.sizes) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-store-'));
    const file = path.join(dir, 'db.json');
    try {
      const generated = shortenError(await runChild({ mode: 'generate', file, stories }), dir);
      if (!generated.ok) {
        rows.push({ stories, ok: false, error: generated.error, peakRssMB: round(generated.peakRssMB) });
        log(`  ${stories} stories: cannot be written (${generated.error})`);
        continue;
      }
      const served = shortenError(await runChild({ mode: 'load-write', file, stories }), dir);
      if (!served.ok) {
        rows.push({ stories, ok: false, error: served.error, fileMB: round(generated.bytes / 1e6), peakRssMB: round(served.peakRssMB) });
        log(`  ${stories} stories: cannot be loaded and written (${served.error})`);
        continue;
      }
      const full = await runChild({ mode: 'load-full-write', file, stories });
      const row: StoreRow = {
        stories,
        ok: true,
        fileMB: round(served.bytes / 1e6),
        loadMs: round(served.loadMs ?? NaN),
        writeMs: round(served.writeMs),
        stallMs: round(served.stallMs),
        fullWriteMs: full.ok ? round(full.writeMs) : undefined,
        fullStallMs: full.ok ? round(full.stallMs) : undefined,
        peakRssMB: round(served.peakRssMB),
      };
      rows.push(row);
      log(`  ${stories} stories: ${row.fileMB} MB, load ${row.loadMs} ms, write ${row.writeMs} ms (full ${row.fullWriteMs} ms), stall ${row.stallMs} ms, peak RSS ${row.peakRssMB} MB`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** Messages name the temp file; the report needs only what went wrong. */
function shortenError(report: StoreChildReport, dir: string): StoreChildReport {
  return report.ok ? report : { ...report, error: report.error.split(`${dir}${path.sep}`).join('') };
}

async function runChild(argument: StoreChildArgument): Promise<StoreChildReport> {
  try {
    const { child, ready } = await startChild<StoreChildReport>(CHILD, argument);
    await child.stop();
    return ready;
  } catch (error) {
    // Out of memory kills the process before it can report.
    return { ok: false, error: (error as Error).message, peakRssMB: NaN };
  }
}
