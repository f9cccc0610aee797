/**
 * How many searches the ingestion thread is asked at once. Every search waits there in one queue with
 * story pages, `/api/changes` and ingestion itself, so a burst of searches sent straight through would
 * hold all of those up; here a few run, a bounded number wait their turn on the serving thread (where
 * waiting delays nothing else), and the rest are turned away to come back later.
 */
export interface SearchGate {
  /** A turn: resolves when the search may run, with the function that ends it; undefined when the waiting line is full. */
  enter(): Promise<() => void> | undefined;
}

export function createSearchGate(maxRunning: number, maxWaiting: number): SearchGate {
  let running = 0;
  const waiting: (() => void)[] = [];

  const leave = () => {
    const next = waiting.shift();
    // The turn passes straight to the next in line: `running` stays the same.
    if (next) next();
    else running--;
  };

  return {
    enter() {
      if (running < maxRunning) {
        running++;
        return Promise.resolve(once(leave));
      }
      if (waiting.length >= maxWaiting) return undefined;
      return new Promise((resolve) => waiting.push(() => resolve(once(leave))));
    },
  };
}

/** `leave` at most once, however often the caller's cleanup runs. */
function once(leave: () => void): () => void {
  let left = false;
  return () => {
    if (left) return;
    left = true;
    leave();
  };
}
