/** Runs ingestion on the configured cron schedule in the configured zone, never two runs at once. */
import cron from 'node-cron';
import type { Logger } from '../logger.ts';

/** Why a run starts: start-up runs fetch every source, scheduled ones leave backing-off sources alone. */
export type RunTrigger = 'startup' | 'schedule';

export interface Scheduler {
  /** Runs the job now unless a run is under way; resolves when this or the running run ends. */
  runNow(trigger: RunTrigger): Promise<void>;
  /** Stops the schedule and waits for a run under way. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  /** Called at every scheduled time, whether or not a run starts then (one may still be under way). */
  onTick?: () => void;
}

export function startScheduler(
  schedule: string,
  timezone: string,
  /** `scheduledAt`: the tick's time, for a scheduled run (runNow has none). */
  job: (trigger: RunTrigger, scheduledAt?: Date) => Promise<void>,
  logger: Logger,
  options: SchedulerOptions = {},
): Scheduler {
  let running: Promise<void> | undefined;
  const runOnce = (trigger: RunTrigger, scheduledAt?: Date): Promise<void> => {
    if (running) {
      logger.info({ stage: 'schedule' }, 'ingestion already running; this tick is skipped');
      return running;
    }
    running = job(trigger, scheduledAt)
      .catch((error: unknown) => logger.error({ stage: 'schedule', err: error }, 'ingestion failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  // Returns at once, so node-cron calls it at every scheduled time, even while a long run goes on
  // (onTick counts those); runOnce itself keeps runs from overlapping.
  const onTime = (context: { date: Date }) => {
    options.onTick?.();
    void runOnce('schedule', context.date);
  };
  const task = cron.schedule(schedule, onTime, { timezone, name: 'ingestion' });
  return {
    runNow: (trigger) => runOnce(trigger),
    async stop() {
      await task.stop();
      await task.destroy();
      await running;
    },
  };
}
