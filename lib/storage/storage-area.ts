/** The part of a `browser.storage` area the stores use; WXT's fake browser stands in for it in tests. */
export interface StorageAreaLike {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
