import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../shared/api';
import type { Interaction, InteractionInput, InteractionPatch, Page } from '../../shared/types';

export function useTimeline(contactId: string) {
  return useInfiniteQuery({
    queryKey: ['interactions', 'timeline', contactId],
    queryFn: ({ pageParam, signal }) => api.get<Page<Interaction>>(`/interactions${queryString({ contactId, limit: 30, cursor: pageParam })}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useInteraction(id: string) {
  return useQuery({ queryKey: ['interactions', 'one', id], queryFn: ({ signal }) => api.get<Interaction>(`/interactions/${encodeURIComponent(id)}`, signal) });
}

/** Logging or editing an interaction changes timelines, each participant's last contact date, strength and Today. */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['interactions'] }),
      client.invalidateQueries({ queryKey: ['contacts'] }),
      client.invalidateQueries({ queryKey: ['nurture'] }),
    ]);
}

export function useLogInteraction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: InteractionInput) => api.post<Interaction>('/interactions', input), onSuccess: refresh });
}

export function useUpdateInteraction(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (patch: InteractionPatch) => api.patch<Interaction>(`/interactions/${encodeURIComponent(id)}`, patch), onSuccess: refresh });
}

export function useTrashInteraction() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.del(`/interactions/${encodeURIComponent(id)}`), onSuccess: refresh });
}
