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
