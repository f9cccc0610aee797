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
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counted after the command name, which may itself contain spaces and ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return `${BOOT_ID}:${fields[19]}`;
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
