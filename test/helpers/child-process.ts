/** A child process whose output is kept and whose end can be awaited with a bound; loopback health polling. */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WatchedProcess {
  child: ChildProcess;
  readonly stdout: string;
  readonly stderr: string;
  ended: Promise<Ended>;
  /** Resolves when it has ended, rejects after `ms`. */
  endedWithin(ms: number): Promise<Ended>;
}

export function startProcess(command: string, args: readonly string[], options: SpawnOptions = {}): WatchedProcess {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ended = new Promise<Ended>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    ended,
    endedWithin: (ms) => withDeadline(ended, ms, `${command} ${args.join(' ')} still running after ${ms} ms\n${stderr.slice(-2000)}`),
  };
}

/** Runs to the end (at most `ms`). */
export async function runProcess(command: string, args: readonly string[], options: SpawnOptions = {}, ms = 60_000) {
  const watched = startProcess(command, args, options);
  try {
    const ended = await watched.endedWithin(ms);
    return { ...ended, stdout: watched.stdout, stderr: watched.stderr };
  } finally {
    if (watched.child.exitCode === null && watched.child.signalCode === null) watched.child.kill('SIGKILL');
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Polls `${base}/healthz` every 200 ms until it answers 200 with a finished ingestion (`lastRun`),
 * for at most `ms`; fails early when `watched` ends first.
 */
export async function waitForIngestedHealth(base: string, watched: WatchedProcess, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let ended = false;
  void watched.ended.then(() => (ended = true), () => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`the process ended before /healthz answered\n${watched.stderr.slice(-3000)}`);
    const health = await fetch(`${base}/healthz`).then(
      (response) => (response.ok ? (response.json() as Promise<{ lastRun: string | null }>) : undefined),
      () => undefined,
    );
    if (health?.lastRun) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`/healthz did not report an ingestion within ${ms} ms\n${watched.stderr.slice(-3000)}`);
}

/** Whether any process is left in the group `pgid` (a detached child's pid). */
export function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * This process's environment without what npm and the suite's own runner put there (npm_* settings,
 * INIT_CWD, BANTIN_CONFIG, PORT), so a child started here behaves as if started by hand.
 */
export function handTypedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^npm_/i.test(key) || ['INIT_CWD', 'BANTIN_CONFIG', 'PORT'].includes(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}
