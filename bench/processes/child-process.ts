/** Runs a bench helper (a .ts file) in its own Node process, so its CPU and memory are not the measured process's. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface BenchChild {
  process: ChildProcess;
  /** The next message the child sends. */
  next<T>(): Promise<T>;
  send(message: unknown): void;
  stop(): Promise<void>;
}

/** Starts `file` with tsx and one JSON argument; resolves when it sends its first message. */
export async function startChild<T>(file: URL, argument: unknown): Promise<{ child: BenchChild; ready: T }> {
  const child = fork(file, [JSON.stringify(argument)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const queue: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  child.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const exited = once(child, 'exit');
  const next = <M>() =>
    new Promise<M>((resolve, reject) => {
      if (queue.length > 0) return resolve(queue.shift() as M);
      waiting.push((message) => resolve(message as M));
      void exited.then(([code]) => reject(new Error(`bench: ${file.pathname} exited with code ${String(code)}`)));
    });
  const handle: BenchChild = {
    process: child,
    next,
    send: (message) => child.send(message as never),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
  return { child: handle, ready: await next<T>() };
}

/** In a child: the JSON argument it was started with. */
export function childArgument<T>(): T {
  return JSON.parse(process.argv[2] ?? '{}') as T;
}

/** In a child: sends a message to the bench. */
export function tellParent(message: unknown): void {
  process.send?.(message);
}
