/** Whether a process id belongs to a live process, for taking over what a dead writer left behind. */

/** True for a live process, ours or another user's (EPERM); false once it has exited. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
