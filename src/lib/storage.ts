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

/** Why a write failed, in words a user can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return 'Browser storage is full, so the latest changes are not saved. They stay open here: export the plan as CSV, or free space and keep editing.';
  }
  return 'The browser refused to save the plan. Your changes stay open here: export the plan as CSV before closing the tab.';
}
