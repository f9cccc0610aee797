/** Runs one child process of the bootstrap (npm ci, tsc), passing on SIGINT and SIGTERM, and says how it ended. */
import { spawn } from 'node:child_process';

/**
 * Resolves with undefined when `name` exited 0, else with the failure in words
 * (`<name> could not start: …`, `<name> was stopped by SIGTERM`, `<name> exited with code 1`).
 */
export function runChild(name, command, args, options, describeStartError = (error) => error.message) {
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    let settled = false;
    const done = (failure) => {
      if (settled) return;
      settled = true;
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(failure);
    };
    options.onChild?.(child);
    child.on('error', (error) => done(`${name} could not start: ${describeStartError(error)}`));
    child.on('close', (code, signal) => done(signal ? `${name} was stopped by ${signal}` : code === 0 ? undefined : `${name} exited with code ${code}`));
  });
}
