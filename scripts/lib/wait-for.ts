/** Time as the waiting code sees it; tests pass a fake one so no test sleeps. */
export interface Clock {
  now(): number;
  sleep(milliseconds: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds))
};

export interface WaitOptions<T> {
  timeoutMs: number;
  /** Pause between two probes; 2 s unless told. */
  intervalMs?: number;
  /** How the last value appears in the timeout message; JSON unless told. */
  describe?: (value: T) => string;
  clock?: Clock;
}

/** Thrown when the condition was not met in time; carries what was awaited and the last value seen. */
export class WaitTimeoutError extends Error {
  constructor(
    readonly awaited: string,
    readonly lastSeen: string,
    readonly waitedMs: number
  ) {
    super(`${awaited}: not seen within ${Math.round(waitedMs / 1000)} s (last seen: ${lastSeen})`);
    this.name = 'WaitTimeoutError';
  }
}

/**
 * Probes until `isDone` accepts the value or the time is up, and returns the accepted value. The probe runs at least
 * once, even with a zero timeout. An error from the probe ends the wait at once: a failing query is not a slow org.
 */
export async function waitFor<T>(
  awaited: string,
  probe: () => Promise<T>,
  isDone: (value: T) => boolean,
  options: WaitOptions<T>
): Promise<T> {
  const clock = options.clock ?? systemClock;
  const interval = options.intervalMs ?? 2000;
  const describe = options.describe ?? ((value: T) => JSON.stringify(value) ?? String(value));
  const started = clock.now();
  for (;;) {
    const value = await probe();
    if (isDone(value)) {
      return value;
    }
    const waited = clock.now() - started;
    if (waited >= options.timeoutMs) {
      throw new WaitTimeoutError(awaited, describe(value), waited);
    }
    await clock.sleep(Math.min(interval, options.timeoutMs - waited));
  }
}
