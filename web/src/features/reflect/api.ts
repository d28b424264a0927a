import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, queryString } from '../../shared/api';
import type { Page } from '../../shared/types';
import type { Insight, Reflection, ReflectionInput, Review, ReviewInput } from '../growth/types';

const enc = encodeURIComponent;

export interface InsightFilters {
  q: string;
  contactId: string;
  tag: string;
  skillId: string;
  from: string;
  to: string;
  type: '' | 'learned' | 'reflection';
}

/** The reflection on an interaction, or null when there is none yet. */
export function useReflection(interactionId: string) {
  return useQuery({
    queryKey: ['reflection', interactionId],
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Reflection>(`/interactions/${enc(interactionId)}/reflection`, signal);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'REFLECTION_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

/** A reflection changes the journal and this week's figures. */
function useRefresh(interactionId: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['reflection', interactionId] }),
      client.invalidateQueries({ queryKey: ['insights'] }),
      client.invalidateQueries({ queryKey: ['reviews'] }),
    ]);
}

export function useSaveReflection(interactionId: string) {
  const refresh = useRefresh(interactionId);
  return useMutation({ mutationFn: (input: ReflectionInput) => api.put<Reflection>(`/interactions/${enc(interactionId)}/reflection`, input), onSuccess: refresh });
}

export function useDeleteReflection(interactionId: string) {
  const refresh = useRefresh(interactionId);
  return useMutation({ mutationFn: () => api.del(`/interactions/${enc(interactionId)}/reflection`), onSuccess: refresh });
}

/** The review of a week by its first day, or of the current week. */
export function useReview(weekStart: string | undefined) {
  return useQuery({
    queryKey: ['reviews', 'one', weekStart ?? 'current'],
    queryFn: ({ signal }) => api.get<Review>(`/reviews/${weekStart ? enc(weekStart) : 'current'}`, signal),
    // The week's figures move with every interaction logged anywhere in the app.
    staleTime: 0,
  });
}

export function useReviews() {
  return useQuery({
    queryKey: ['reviews', 'list'],
    queryFn: ({ signal }) => api.get<{ items: { weekStart: string; completedAt: string | null; nextWeekPlan: string | null }[]; streak: number }>('/reviews', signal),
    staleTime: 0,
  });
}

export function useSaveReview(weekStart: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewInput) => api.put<Review>(`/reviews/${enc(weekStart)}`, input),
    onSuccess: (review) => {
      client.setQueryData(['reviews', 'one', weekStart], review);
      return client.invalidateQueries({ queryKey: ['reviews'], predicate: (q) => q.queryKey[2] !== weekStart });
    },
  });
}

export const INSIGHTS_PAGE = 30;

export function useInsights(filters: InsightFilters) {
  return useInfiniteQuery({
    queryKey: ['insights', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<Insight>>(`/insights${queryString({ ...filters, limit: INSIGHTS_PAGE, cursor: pageParam })}`, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}
