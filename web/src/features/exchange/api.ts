import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, upload, type UploadProgress } from '../../shared/api';
import type { Contact } from '../../shared/types';
import type { ImportFormat, ImportSession, MergeRecord } from './types';

export interface DuplicatePair {
  a: Contact;
  b: Contact;
  reasons: string[];
}

export interface RestoreResult {
  restored: Record<string, number>;
  renumbered: number;
  revokedLinks: number;
}

export const exchangeKeys = {
  duplicates: ['duplicates'] as const,
  merges: ['merges'] as const,
};

/** Uploads a file for import; the reply is its preview. Nothing is stored until the commit. */
export function uploadImport(file: File, format: ImportFormat | 'auto', options: { onProgress: (p: UploadProgress) => void; signal: AbortSignal }) {
  const query = new URLSearchParams({ filename: file.name });
  if (format !== 'auto') query.set('format', format);
  return upload<ImportSession>(`/imports?${query}`, file, options);
}

export const commitImport = (id: string) => api.post<ImportSession>(`/imports/${encodeURIComponent(id)}/commit`);

export const discardImport = (id: string) => api.del(`/imports/${encodeURIComponent(id)}`);

export const restoreBackup = (file: File, onProgress: (p: UploadProgress) => void) => upload<RestoreResult>('/restore', file, { onProgress });

export function useDuplicates() {
  return useQuery({ queryKey: exchangeKeys.duplicates, queryFn: ({ signal }) => api.get<{ items: DuplicatePair[] }>('/duplicates', signal), select: (d) => d.items });
}

export function useMerges() {
  return useQuery({ queryKey: exchangeKeys.merges, queryFn: ({ signal }) => api.get<{ items: MergeRecord[] }>('/merges', signal), select: (d) => d.items });
}

/** Marks a pair as two different people, or takes that back: only the duplicates list changes. */
export function useDismissDuplicate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ pair, dismissed }: { pair: DuplicatePair; dismissed: boolean }) =>
      dismissed
        ? api.post<void>('/duplicates/dismissals', { a: pair.a.id, b: pair.b.id })
        : api.del(`/duplicates/dismissals/${encodeURIComponent(pair.a.id)}/${encodeURIComponent(pair.b.id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: exchangeKeys.duplicates }),
  });
}

export interface MergeInput {
  keepId: string;
  mergeId: string;
  prefer?: Record<string, 'keep' | 'merge'>;
}

/** A merge or its undo changes contacts everywhere: every cached list is stale after it. */
export function useMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api.post<{ merge: MergeRecord; contact: Contact }>('/merges', input),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useUndoMerge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ kept: Contact; restored: Contact }>(`/merges/${encodeURIComponent(id)}/undo`),
    onSuccess: () => client.invalidateQueries(),
  });
}
