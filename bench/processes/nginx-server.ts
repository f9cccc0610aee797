/**
 * nginx (Debian's package) serving the static copies in `outDir`, as a CDN-style deployment would:
 * the ceiling for section 5. One worker, like bantin's one serving thread, on 127.0.0.1 only, with
 * its config, pid, logs and temp folders in a temp dir of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const START_TRIES = 100;
const START_TRY_MS = 50;

/** The nginx binary, or undefined when the package is not installed (`/usr/sbin` is not on every user's PATH). */
export function findNginx(): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  return folders.filter((folder) => path.isAbsolute(folder)).map((folder) => path.join(folder, 'nginx')).find((file) => existsSync(file));
}

export interface RunningNginx {
  /** `http://127.0.0.1:<port>/feeds/` */
  feedsUrl: string;
  /** User + system CPU nginx has used, from /proc (Linux); null elsewhere. */
  cpuMicros(): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts nginx serving `outDir` at `/feeds/` with what an operator would add for partners
 * (Cache-Control, CORS); rejects with its error log if it does not answer.
 */
export async function startNginx(binary: string, outDir: string, maxAgeSeconds: number): Promise<RunningNginx> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bantin-bench-nginx-'));
  const port = await freePort();
  await writeFile(path.join(dir, 'nginx.conf'), nginxConfig(dir, outDir, port, maxAgeSeconds));
  // `-e`: the error log before the config is read, which would otherwise be /var/log/nginx.
  const child = spawn(binary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], { stdio: 'ignore' });
  const feedsUrl = `http://127.0.0.1:${port}/feeds/`;
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitForAnswer(feedsUrl, child);
  } catch (error) {
    const log = await readFile(path.join(dir, 'error.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`bench: nginx did not start: ${(error as Error).message}\n${log}`);
  }
  return { feedsUrl, cpuMicros: () => processCpuMicros(child.pid!), stop };
}

// Linux's USER_HZ: /proc counts CPU time in hundredths of a second on every architecture it runs on.
const MICROS_PER_TICK = 10_000;

async function processCpuMicros(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (!fields) return null;
  return (Number(fields[11]) + Number(fields[12])) * MICROS_PER_TICK;
}

function nginxConfig(dir: string, outDir: string, port: number, maxAgeSeconds: number): string {
  const temp = (name: string) => path.join(dir, name);
  return `# Written by bench/processes/nginx-server.ts for one bench run.
daemon off;
master_process off;
worker_processes 1;
pid ${temp('nginx.pid')};
error_log ${temp('error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  client_body_temp_path ${temp('client-body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  types { application/rss+xml rss; application/atom+xml atom; application/feed+json json; text/x-opml opml; }
  charset utf-8;
  charset_types application/rss+xml application/atom+xml application/feed+json text/x-opml;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=64;
  server {
    listen 127.0.0.1:${port};
    location /feeds/ {
      alias ${outDir}/;
      add_header Cache-Control "public, max-age=${maxAgeSeconds}";
      add_header Access-Control-Allow-Origin "*";
      add_header Access-Control-Expose-Headers "ETag";
    }
  }
}
`;
}

/** A port free on 127.0.0.1 a moment ago (nginx takes its port from the config, not from the kernel). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForAnswer(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < START_TRIES; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      await (await fetch(url, { method: 'HEAD' })).arrayBuffer();
      return;
    } catch {
      await sleep(START_TRY_MS);
    }
  }
  throw new Error(`no answer at ${url}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGQUIT: nginx's graceful shutdown.
  child.kill('SIGQUIT');
  await exited;
}
