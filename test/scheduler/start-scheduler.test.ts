import { afterEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.ts';
import { startScheduler, type RunTrigger, type Scheduler } from '../../src/scheduler/start-scheduler.ts';

let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startScheduler', () => {
  it('never runs two ingestions at once, whether started by the clock or by hand', async () => {
    let running = 0;
    let maxRunning = 0;
    const triggers: RunTrigger[] = [];
    const job = async (trigger: RunTrigger) => {
      triggers.push(trigger);
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(1500);
      running--;
    };
    // Six fields: every second, so the clock fires several times during one slow run.
    scheduler = startScheduler('* * * * * *', 'Asia/Ho_Chi_Minh', job, createSilentLogger());
    const first = scheduler.runNow('startup');
    const second = scheduler.runNow('startup');
    await Promise.all([first, second]);
    await sleep(2500);
    expect(maxRunning).toBe(1);
    expect(triggers[0]).toBe('startup');
    expect(triggers.filter((trigger) => trigger === 'startup')).toHaveLength(1);
    expect(triggers).toContain('schedule');
  });

  it('keeps the schedule going after a run fails', async () => {
    let calls = 0;
    scheduler = startScheduler('* * * * * *', 'UTC', async () => {
      calls++;
      throw new Error('hỏng');
    }, createSilentLogger());
    await scheduler.runNow('startup');
    await sleep(2200);
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('hands a scheduled run the time it was due (several processes tell this cycle by it), a run by hand none', async () => {
    const runs: { trigger: RunTrigger; scheduledAt: Date | undefined; at: number }[] = [];
    scheduler = startScheduler('* * * * * *', 'Asia/Ho_Chi_Minh', async (trigger, scheduledAt) => void runs.push({ trigger, scheduledAt, at: Date.now() }), createSilentLogger());
    await scheduler.runNow('startup');
    await sleep(2200);
    expect(runs[0]).toMatchObject({ trigger: 'startup', scheduledAt: undefined });
    const scheduled = runs.filter((run) => run.trigger === 'schedule');
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    for (const run of scheduled) {
      // The whole second the expression names, at or before the moment the run started (late on a busy machine).
      expect(run.scheduledAt!.getMilliseconds()).toBe(0);
      expect(run.scheduledAt!.getTime()).toBeLessThanOrEqual(run.at);
      expect(run.at - run.scheduledAt!.getTime()).toBeLessThan(5000);
    }
  });
});
