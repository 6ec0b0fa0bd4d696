import { useEffect, useState } from 'preact/hooks';
import type { TestRun } from '@/lib/background/test-run';
import { TEST_RUN_KEY } from '@/lib/background/test-run-key';
import { call } from '@/lib/messaging/call';
import { watchBackgroundRead } from '@/lib/messaging/watch-background-read';

/** Test all's progress as the background records it (test-run.ts); undefined when none ran this session. */
export function useTestRun(): TestRun | undefined {
  const [run, setRun] = useState<TestRun>();
  useEffect(
    () =>
      watchBackgroundRead(
        () => call('readTestRun', {}),
        (keys, area) => area === 'session' && keys.includes(TEST_RUN_KEY),
        (value) => setRun(value ?? undefined),
      ),
    [],
  );
  return run;
}

/** A clock for countdowns: the time now, again every `everyMs` while `on`. */
export function useNow(on: boolean, everyMs = 1_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!on) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [on, everyMs]);
  return now;
}
