// The server's own shapes for imports and merges (type-only: nothing of the server reaches the bundle).
export type { ImportFormat, ImportItem, ImportReport, Conflict } from '../../../../src/features/exchange/model.js';
export type { MergeRecord } from '../../../../src/features/exchange/merge.js';
export type { ImportSession } from '../../../../src/features/exchange/service.js';
