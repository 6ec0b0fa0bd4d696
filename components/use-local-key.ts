import { useEffect, useState } from 'preact/hooks';
import { watchLocalKey } from '@/lib/storage/watch-local-key';

/** The parsed value of a storage.local key, kept current; undefined until first read. */
export function useLocalKey<T>(key: string, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => watchLocalKey(key, (raw) => setValue(parse(raw))), [key, parse]);
  return value;
}
