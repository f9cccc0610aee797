/** The Python that Debian's python3-* packages install into, even where another python3 comes first on PATH. */
import { existsSync } from 'node:fs';

export const DEBIAN_PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
