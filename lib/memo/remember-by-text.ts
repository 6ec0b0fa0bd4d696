/**
 * `compute` with its answers kept by argument: lists call such functions for every row on every
 * render (a URL parsed, a name folded), with the same few texts again and again. Bounded: past
 * `max` texts it starts afresh, so texts long gone do not pile up. A call that throws keeps nothing.
 */
export function rememberByText<T>(compute: (text: string) => T, max = 20_000): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    if (known.size >= max) known.clear();
    known.set(text, value);
    return value;
  };
}
