/** CPU time as the bench and a cycle's own figures count it: user + system, every thread of this process. */

/** Milliseconds of CPU this process used since `start` (a `process.cpuUsage()` reading). */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
