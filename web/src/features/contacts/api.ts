import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../shared/api';
import type { BulkResult, Contact, ContactInput, ContactPatch, ContactSort, DimensionCount, Page, TagCount } from '../../shared/types';

export interface ContactFilters {
  q: string;
  tag: string;
  circle: string;
  /** name:value */
  dimension: string;
  sort: ContactSort;
}

/** A screenful and a half: small enough to fetch and draw at once, the rest comes as one scrolls. */
export const PAGE_SIZE = 50;

export const contactKeys = {
  all: ['contacts'] as const,
  list: (filters: ContactFilters) => ['contacts', 'list', filters] as const,
  one: (id: string) => ['contacts', 'one', id] as const,
  tags: ['contacts', 'tags'] as const,
  dimensions: ['contacts', 'dimensions'] as const,
};

const listOptions = (filters: ContactFilters) => ({
  queryKey: contactKeys.list(filters),
  queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
    api.get<Page<Contact>>(
      `/contacts${queryString({ q: filters.q.trim(), tag: filters.tag, circle: filters.circle, dimension: filters.dimension, sort: filters.sort, limit: PAGE_SIZE, cursor: pageParam })}`,
      signal,
    ),
  initialPageParam: null as string | null,
  getNextPageParam: (last: Page<Contact>) => last.nextCursor,
});

export function useContactList(filters: ContactFilters) {
  return useInfiniteQuery({
    ...listOptions(filters),
    // While the next keystroke's results load, keep showing the previous ones instead of a spinner.
    placeholderData: keepPreviousData,
  });
}

/** Starts loading the list while the session is still being checked, to save a round trip. */
export function prefetchContactList(client: QueryClient, filters: ContactFilters): void {
  void client.prefetchInfiniteQuery(listOptions(filters));
}

/** Contacts matching a few typed letters, for pickers. */
export function useContactSuggestions(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['contacts', 'suggest', text],
    queryFn: ({ signal }) => api.get<Page<Contact>>(`/contacts${queryString({ q: text, limit: 8, sort: '-lastInteraction' })}`, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Whether the account has any contacts outside the trash, to greet a new account. */
export function useHasContacts() {
  return useQuery({
    queryKey: ['contacts', 'any'],
    queryFn: async ({ signal }) => (await api.get<Page<Contact>>('/contacts?limit=1', signal)).items.length > 0,
  });
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.one(id), queryFn: ({ signal }) => api.get<Contact>(`/contacts/${encodeURIComponent(id)}`, signal) });
}

/** `enabled: false` defers the request, so the contact list's own request goes first. */
export function useTags({ enabled = true } = {}) {
  return useQuery({ queryKey: contactKeys.tags, queryFn: ({ signal }) => api.get<{ items: TagCount[] }>('/contacts/tags', signal), select: (d) => d.items, enabled });
}

export function useDimensions({ enabled = true } = {}) {
  return useQuery({
    queryKey: contactKeys.dimensions,
    enabled,
    queryFn: ({ signal }) => api.get<{ items: DimensionCount[] }>('/contacts/dimensions', signal),
    select: (d) => d.items,
  });
}

export function useCreateContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactInput) => api.post<Contact>('/contacts', input),
    onSuccess: (contact) => {
      client.setQueryData(contactKeys.one(contact.id), contact);
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });
}

export function useUpdateContact(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ContactPatch) => api.patch<Contact>(`/contacts/${encodeURIComponent(id)}`, patch),
    onSuccess: (contact) => {
      client.setQueryData(contactKeys.one(id), contact);
      void client.invalidateQueries({ queryKey: contactKeys.all, predicate: (q) => q.queryKey[1] !== 'one' });
    },
  });
}

export function useTrashContact() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.del(`/contacts/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useRestore() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id }: { type: 'contact' | 'interaction'; id: string }) => api.post(`/trash/${type}/${encodeURIComponent(id)}/restore`),
    onSuccess: () => client.invalidateQueries(),
  });
}

export function useBulk() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: 'tag' | 'untag' | 'delete'; ids: string[]; tags?: string[] }) => api.post<{ results: BulkResult[] }>('/contacts/bulk', input),
    onSuccess: () => client.invalidateQueries(),
  });
}
