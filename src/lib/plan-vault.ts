/**
 * The browser's larger storage (IndexedDB), where plans go when localStorage's few megabytes run
 * out. It is asynchronous, so the workspace reads it once before the plans load and writes to it
 * in the background; every write checks what is stored first, as the localStorage writes do.
 */

/** What a checked write did: written, or refused because the stored copy is not the one expected. */
export type VaultWrite = { ok: true } | { ok: false; current: string };

export interface PlanVault {
  /** Every plan it keeps, by id, as stored text. */
  readAll(): Promise<Map<string, string>>;
  /**
   * Saves `raw` as plan `id`, unless another copy than `expected` is stored (another tab saved it
   * since this page read it): then nothing is written and the stored copy is returned. Nothing
   * stored never refuses a write (the plan was deleted elsewhere, or is new here).
   */
  put(id: string, raw: string, expected: string | null): Promise<VaultWrite>;
  /** Deletes plan `id`, unless another copy than `expected` is stored: then it stays. */
  remove(id: string, expected: string | null): Promise<VaultWrite>;
}

export const VAULT_DATABASE = 'reachplan';
const STORE = 'plans';

/**
 * A PlanVault over IndexedDB. Writes happen in the order they were asked for: each opens its
 * transaction in call order, and IndexedDB runs overlapping read-write transactions in the order
 * they were opened.
 */
export function indexedDbVault(factory: IDBFactory, name = VAULT_DATABASE): PlanVault {
  let opening: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(name, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(STORE);
      };
      request.onsuccess = () => {
        const db = request.result;
        // A newer version of the app upgrading the database: let it, and open again next time.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is held by another tab of an older version'));
    }).catch((error: unknown) => {
      // Tried again on the next call.
      opening = null;
      throw error;
    });
    return opening;
  };

  /** Runs `work` in one transaction; resolves with what it set once the transaction has committed. */
  const run = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore, done: (value: T) => void) => void): Promise<T> =>
    open().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const tx = db.transaction(STORE, mode);
          let result: { value: T } | null = null;
          work(tx.objectStore(STORE), (value) => {
            result = { value };
          });
          tx.oncomplete = () => {
            if (result) resolve(result.value);
            else reject(new Error('IndexedDB transaction finished without a result'));
          };
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
          tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted'));
        }),
    );

  /** A write that first reads what is stored under `id`, in the same transaction. */
  const checked = (id: string, expected: string | null, write: (store: IDBObjectStore) => void) =>
    run<VaultWrite>('readwrite', (store, done) => {
      const read = store.get(id);
      read.onsuccess = () => {
        const stored: unknown = read.result;
        const current = typeof stored === 'string' ? stored : stored === undefined ? null : JSON.stringify(stored);
        if (current !== null && current !== expected) {
          done({ ok: false, current });
          return;
        }
        write(store);
        done({ ok: true });
      };
    });

  return {
    readAll: () =>
      run<Map<string, string>>('readonly', (store, done) => {
        const plans = new Map<string, string>();
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) {
            done(plans);
            return;
          }
          if (typeof at.key === 'string' && typeof at.value === 'string') plans.set(at.key, at.value);
          at.continue();
        };
      }),
    put: (id, raw, expected) => checked(id, expected, (store) => store.put(raw, id)),
    remove: (id, expected) => checked(id, expected, (store) => store.delete(id)),
  };
}
