/** Manners per host within one process: at most two requests at a time, their starts at least `hostDelaySeconds` apart. */

export interface HostLimiter {
  /** Runs task once its host has a free slot and the delay since that host's last start has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
  /** The same, but gives undefined without running task (or taking the host's turn) when its turn comes after deadlineMs (performance.now()). */
  runBefore<T>(deadlineMs: number, url: string, task: () => Promise<T>): Promise<T | undefined>;
}

export interface HostLimiterOptions {
  delayMs: number;
  /** SPEC "Portals without feeds": two. */
  maxConcurrent?: number;
}

interface Waiter {
  /** Called with true to run, false when the deadline passed first. */
  resolve: (run: boolean) => void;
  deadlineMs: number;
}

interface HostQueue {
  active: number;
  lastStartMs: number;
  waiting: Waiter[];
  timer?: NodeJS.Timeout;
}

/** One limiter per process, shared by every source: feeds, list pages, article pages and robots.txt alike. */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const maxConcurrent = options.maxConcurrent ?? 2;
  const hosts = new Map<string, HostQueue>();

  function pump(queue: HostQueue): void {
    if (queue.timer !== undefined) return;
    while (queue.waiting.length > 0 && queue.active < maxConcurrent) {
      if (queue.waiting[0]!.deadlineMs < performance.now()) {
        queue.waiting.shift()!.resolve(false);
        continue;
      }
      const waitMs = queue.lastStartMs + options.delayMs - performance.now();
      if (waitMs > 0) {
        queue.timer = setTimeout(() => {
          queue.timer = undefined;
          pump(queue);
        }, Math.ceil(waitMs));
        return;
      }
      queue.active++;
      queue.lastStartMs = performance.now();
      queue.waiting.shift()!.resolve(true);
    }
  }

  async function runBefore<T>(deadlineMs: number, url: string, task: () => Promise<T>): Promise<T | undefined> {
    const host = hostOf(url);
    if (host === undefined) return task();
    let queue = hosts.get(host);
    if (queue === undefined) hosts.set(host, (queue = { active: 0, lastStartMs: -Infinity, waiting: [] }));
    const slot = queue;
    const runs = await new Promise<boolean>((resolve) => {
      slot.waiting.push({ resolve, deadlineMs });
      pump(slot);
    });
    if (!runs) return undefined;
    try {
      return await task();
    } finally {
      slot.active--;
      pump(slot);
    }
  }

  return {
    runBefore,
    run: async (url, task) => (await runBefore(Infinity, url, async () => ({ value: await task() })))!.value,
  };
}

/** `host:port` of an http(s) url; local files have no host to be polite to. */
function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : undefined;
}
