import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { TEST_RUN_KEY, type TestRun, parseTestRun } from '@/lib/background/test-run';

/** Test all's progress as the background records it (test-run.ts); undefined when none ran this session. */
export function useTestRun(): TestRun | undefined {
  const [run, setRun] = useState<TestRun>();
  useEffect(() => {
    let changed = false;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(TEST_RUN_KEY in changes)) return;
      changed = true;
      setRun(parseTestRun(changes[TEST_RUN_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    void browser.storage.session.get(TEST_RUN_KEY).then((stored) => changed || setRun(parseTestRun(stored[TEST_RUN_KEY])));
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
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
