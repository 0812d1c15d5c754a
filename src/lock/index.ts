/** oml.lock: schema, reading/writing, drift between the lock and the Hub. */
export { LOCK_FILE_NAME, LOCK_VERSION, LockFileSchema, LockEntrySchema, type LockFile, type LockEntry, type LockDocument } from './schema.js';
export { readLock, writeLock, normalizeLock, serializeLock, findLockEntry } from './file.js';
export { documentChanges, describeChanges, type DocumentChange } from './drift.js';
