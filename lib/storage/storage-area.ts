/** The part of a `browser.storage` area the stores use; WXT's fake browser stands in for it in tests. */
export interface StorageAreaLike {
  /** One key, several, or everything stored (null). */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** An area that can also remove keys (the vault removes a deleted record's key). */
export interface RemovableAreaLike extends StorageAreaLike {
  remove(keys: string[]): Promise<void>;
}

/** A key's value before and after a write (undefined: absent), as storage.onChanged reports it. */
export interface AreaChange {
  oldValue?: unknown;
  newValue?: unknown;
}

/** Where the vault lies (vault-area.ts): an area that reports its writes, and can be asked to have one on disk before it settles. */
export interface ReportingArea extends RemovableAreaLike {
  set(items: Record<string, unknown>, options?: { strict?: boolean }): Promise<void>;
  /** Calls back after every committed write with the keys it changed; returns what stops it. */
  onChanged(listener: (changes: Record<string, AreaChange>) => void): () => void;
}
