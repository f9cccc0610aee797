/**
 * One install or build at a time per clone: a command started while another is installing or
 * building waits for it (two `npm ci` in one folder would tear each other's tree apart), then finds
 * the work done. Node built-ins only.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BootstrapError } from './bootstrap-error.mjs';

/** Holds the pid of the process installing or building. */
export const LOCK_FILE = '.bootstrap.lock';
const POLL_MS = 200;
const MAX_WAIT_MS = 15 * 60 * 1000;

export async function withBootstrapLock(root, say, work) {
  const file = path.join(root, LOCK_FILE);
  for (let waitedMs = 0; !tryLock(file); waitedMs += POLL_MS) {
    const holder = Number.parseInt(readOrEmpty(file), 10);
    // A lock left by a process that died (killed mid-install) is taken over.
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (waitedMs === 0) say(`bantin: another command is installing or building in this folder (pid ${holder || '?'}); waiting for it`);
    if (waitedMs >= MAX_WAIT_MS) throw new BootstrapError(`bantin: waited ${MAX_WAIT_MS / 60_000} minutes for pid ${holder || '?'} to finish installing or building; remove ${file} if that process is gone.`);
    await sleep(POLL_MS);
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}

function tryLock(file) {
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code === 'EEXIST') return false;
    throw error;
  }
}

function readOrEmpty(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
