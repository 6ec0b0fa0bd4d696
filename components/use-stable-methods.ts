import { useMemo, useRef } from 'preact/hooks';

type Method = (...args: never[]) => unknown;

/**
 * The same object, with the same functions, for the component's whole life; each function calls
 * the one given at the latest render. A memoised child (a list row) can then keep it without
 * re-rendering, and still act with the parent's current state.
 */
export function useStableMethods<T extends { [K in keyof T]: Method }>(methods: T): T {
  const latest = useRef(methods);
  latest.current = methods;
  return useMemo(
    () =>
      Object.fromEntries(
        Object.keys(methods).map((name) => [name, (...args: never[]) => (latest.current[name as keyof T] as Method)(...args)]),
      ) as T,
    [],
  );
}
