/**
 * localStorage at the edge: every call is guarded, because storage can be missing
 * (private modes), full (quota) or blocked, and none of that may crash the app.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** What the user is told when the browser gives the page no storage at all (site data blocked, storage off). */
export const STORAGE_UNAVAILABLE =
  'This browser doesn’t let Reachplan save (site data is blocked or storage is turned off). Everything keeps working in this tab: download your plans or export this plan before you close it.';

/** Why a write failed, in words a user can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'Browser storage is full. Your changes stay open in this tab: download your plans or export this plan, or free space (delete plans you no longer need) and keep editing.';
  }
  return 'The browser refused to save the plan. Your changes stay open in this tab: download your plans or export this plan before you close it.';
}

/**
 * About what a browser lets one site keep in localStorage: 5 million characters in Chromium,
 * Firefox and Safari (Chromium counts 10 MB of UTF-16). What is used is measured; this is not.
 */
export const STORAGE_QUOTA_CHARS = 5_000_000;

/** Characters this site keeps in `storage` (keys and values, every key: the quota is the site's), or null when it can't be read. */
export function storageUsed(storage: Pick<Storage, 'length' | 'key' | 'getItem'> | null): number | null {
  if (!storage) return null;
  try {
    let used = 0;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key !== null) used += key.length + (storage.getItem(key)?.length ?? 0);
    }
    return used;
  } catch {
    return null;
  }
}
