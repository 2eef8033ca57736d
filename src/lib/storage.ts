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
