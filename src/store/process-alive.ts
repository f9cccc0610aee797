/** Whether a lock's recorded owner is still the process that wrote it, for taking over what a dead writer left behind. */
import { readFileSync } from 'node:fs';

/** True for a live process, ours or another user's (EPERM); false once it has exited. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// Read once: it cannot change while this process runs, and lock waits ask every 100 ms.
const BOOT_ID = readBootId();

function readBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * Boot id and start time of a process (Linux /proc), so a pid reused after a restart — common in
 * containers, where pids repeat from one boot to the next — is not mistaken for the lock's owner.
 * Undefined where /proc is not available; callers then fall back to `isProcessAlive`.
 */
export function processIdentity(pid: number): string | undefined {
  if (BOOT_ID === undefined) return undefined;
  const ticks = startTicks(pid);
  return ticks === undefined ? undefined : `${BOOT_ID}:${ticks}`;
}

/** A process's start in clock ticks since boot (/proc/<pid>/stat), or undefined where it cannot be read. */
function startTicks(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counted after the command name, which may itself contain spaces and ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** Whether the recorded owner is gone: dead, or its pid now belongs to another process. */
export function isOwnerGone(pid: number, identity: string | undefined): boolean {
  if (!isProcessAlive(pid)) return true;
  if (identity === undefined) return false;
  const current = processIdentity(pid);
  return current !== undefined && current !== identity;
}

// Linux reports a process's start in clock ticks since boot; USER_HZ is 100 on every Linux Node runs on.
const TICKS_PER_SECOND = 100;
// Seconds since the epoch at boot (/proc/stat), as the wall clock said when this process read it; undefined without /proc.
const BOOT_TIME_S = readBootTime();

function readBootTime(): number | undefined {
  try {
    const line = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return line ? Number(line[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The two clocks a process's start is reckoned by: the wall clock files are stamped with, and the time since
 * boot (/proc/uptime) that /proc counts a start in. Passed in so a test can step the wall clock.
 */
export interface Clocks {
  wallMs(): number;
  sinceBootMs(): number | undefined;
}

export const systemClocks: Clocks = { wallMs: () => Date.now(), sinceBootMs: readSinceBootMs };

function readSinceBootMs(): number | undefined {
  try {
    const seconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * When the process holding `pid` now started (epoch ms, to the tick), or undefined where /proc cannot say:
 * a file older than that was left by an earlier process with the same pid. The earlier of two reckonings,
 * because the wall clock can be stepped while this process runs: from the boot time read at its start (after
 * a step back, that puts a young writer's start after the files it stamps with the stepped clock), and back
 * from the wall clock now by the process's age (after a step forward, that puts it after the files it stamped
 * before). A live writer never looks newer than its files then; a reused pid is newer under both.
 */
export function processStartedAt(pid: number, clocks: Clocks = systemClocks): number | undefined {
  const ticks = Number(startTicks(pid));
  if (!Number.isFinite(ticks)) return undefined;
  const sinceBootMs = (ticks / TICKS_PER_SECOND) * 1000;
  const sinceBoot = clocks.sinceBootMs();
  const fromNow = sinceBoot === undefined ? undefined : clocks.wallMs() - (sinceBoot - sinceBootMs);
  const fromBoot = BOOT_TIME_S === undefined ? undefined : BOOT_TIME_S * 1000 + sinceBootMs;
  if (fromNow === undefined || fromBoot === undefined) return fromNow ?? fromBoot;
  return Math.min(fromNow, fromBoot);
}
