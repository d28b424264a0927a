import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { FeedbackRequest, FeedbackResponse, Rating, RequestInput, Resource, ResourceInput, ResourcePatch, Skill } from './types';

export interface SkillDetail {
  skill: Skill;
  ratings: Rating[];
  resources: Resource[];
}

const enc = encodeURIComponent;

/** Skills, resources and the gap to others' ratings all move together; one refresh covers them. */
function useRefreshSkills() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['skills'] });
}

export function useSkills({ archived = false } = {}) {
  return useQuery({
    queryKey: ['skills', 'list', archived],
    queryFn: ({ signal }) => api.get<{ items: Skill[] }>(`/skills${archived ? '?archived=true' : ''}`, signal),
    select: (d) => d.items,
    // Ratings from feedback links arrive from elsewhere at any time.
    staleTime: 0,
  });
}

export function useSkill(id: string) {
  return useQuery({ queryKey: ['skills', 'one', id], queryFn: ({ signal }) => api.get<SkillDetail>(`/skills/${enc(id)}`, signal), staleTime: 0 });
}

export function useCreateSkill() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: (input: { name: string; description: string | null }) => api.post<Skill>('/skills', input), onSuccess: refresh });
}

export function useUpdateSkill(id: string) {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: (patch: { name?: string; description?: string | null; archived?: boolean }) => api.patch<Skill>(`/skills/${enc(id)}`, patch), onSuccess: refresh });
}

export function useRateSkill(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { rating: number; note: string | null; ratedAt?: string }) => api.post<Rating>(`/skills/${enc(id)}/ratings`, input),
    // A self-rating counts as a skill practised in this week's review.
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['skills'] }), client.invalidateQueries({ queryKey: ['reviews'] })]),
  });
}

export function useDeleteRating() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: (ratingId: string) => api.del(`/ratings/${enc(ratingId)}`), onSuccess: refresh });
}

export function useAddResource(skillId: string) {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: (input: ResourceInput) => api.post<Resource>(`/skills/${enc(skillId)}/resources`, input), onSuccess: refresh });
}

export function useUpdateResource() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: ResourcePatch }) => api.patch<Resource>(`/resources/${enc(id)}`, patch), onSuccess: refresh });
}

export function useDeleteResource() {
  const refresh = useRefreshSkills();
  return useMutation({ mutationFn: (id: string) => api.del(`/resources/${enc(id)}`), onSuccess: refresh });
}

export function useFeedbackRequests() {
  return useQuery({
    queryKey: ['feedback', 'list'],
    queryFn: ({ signal }) => api.get<{ items: FeedbackRequest[] }>('/feedback-requests', signal),
    select: (d) => d.items,
    staleTime: 0,
  });
}

export function useFeedbackRequest(id: string) {
  return useQuery({
    queryKey: ['feedback', 'one', id],
    queryFn: ({ signal }) => api.get<{ request: FeedbackRequest; responses: FeedbackResponse[] }>(`/feedback-requests/${enc(id)}`, signal),
    staleTime: 0,
  });
}

export function useCreateFeedbackRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RequestInput) => api.post<{ request: FeedbackRequest; url: string }>('/feedback-requests', input),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback'] }),
  });
}

export function useRevokeFeedbackRequest() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (id: string) => api.post<FeedbackRequest>(`/feedback-requests/${enc(id)}/revoke`), onSuccess: () => client.invalidateQueries({ queryKey: ['feedback'] }) });
}
