/**
 * Real-client and browser tests skip, naming the Debian package, where a tool is missing (a user's
 * laptop); in CI (`CI=true`), where .ci/run installs them, a missing tool is a failure instead, so a
 * failed install can never pass as a green run that tested less.
 */
import { it } from 'vitest';

/** Whether to skip the tests that need `debianPackage`; registers a failing test for it in CI. */
export function skipWithout(present: boolean, debianPackage: string, what: string): boolean {
  if (present) return false;
  if (process.env.CI === 'true') {
    it(`has ${debianPackage} installed (CI=true: ${what} must run)`, () => {
      throw new Error(`${debianPackage} is missing: .ci/run installs it with apt-get; see its output`);
    });
    return true;
  }
  console.warn(`${what}: skipped, install the Debian package ${debianPackage}`);
  // Shown as a skipped test, and a file whose every test needs the tool still holds one (vitest fails a file with none).
  it.skip(`${what}: skipped, install the Debian package ${debianPackage}`, () => undefined);
  return true;
}
