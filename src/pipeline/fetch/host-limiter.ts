/** Manners per host within one process: at most two requests at a time, their starts at least `hostDelaySeconds` apart. */

export interface HostLimiter {
  /** Runs task once its host has a free slot and the delay since that host's last start has passed. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

export interface HostLimiterOptions {
  delayMs: number;
  /** SPEC "Portals without feeds": two. */
  maxConcurrent?: number;
}

interface HostQueue {
  active: number;
  lastStartMs: number;
  waiting: (() => void)[];
  timer?: NodeJS.Timeout;
}

/** One limiter per process, shared by every source: feeds, list pages, article pages and robots.txt alike. */
export function createHostLimiter(options: HostLimiterOptions): HostLimiter {
  const maxConcurrent = options.maxConcurrent ?? 2;
  const hosts = new Map<string, HostQueue>();

  function pump(queue: HostQueue): void {
    if (queue.timer !== undefined) return;
    while (queue.waiting.length > 0 && queue.active < maxConcurrent) {
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
      queue.waiting.shift()!();
    }
  }

  return {
    async run(url, task) {
      const host = hostOf(url);
      if (host === undefined) return task();
      let queue = hosts.get(host);
      if (queue === undefined) hosts.set(host, (queue = { active: 0, lastStartMs: -Infinity, waiting: [] }));
      const slot = queue;
      await new Promise<void>((resolve) => {
        slot.waiting.push(resolve);
        pump(slot);
      });
      try {
        return await task();
      } finally {
        slot.active--;
        pump(slot);
      }
    },
  };
}

/** `host:port` of an http(s) url; local files have no host to be polite to. */
function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.host : undefined;
}
