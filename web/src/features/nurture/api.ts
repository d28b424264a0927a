import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';
import type { Contact, ContactPatch, Interaction } from '../../shared/types';
import type { Balance, CelebrateInput, ContactEvent, EventInput, EventPatch, Exchange, ExchangeInput, ExchangePatch, NurtureSettings, SettingsPatch, SnoozeInput, StrengthPoint, Today } from './model';

const enc = encodeURIComponent;

export const nurtureKeys = {
  today: ['nurture', 'today'] as const,
  settings: ['nurture', 'settings'] as const,
  strength: (contactId: string) => ['nurture', 'strength', contactId] as const,
  events: (contactId: string) => ['nurture', 'events', contactId] as const,
  exchanges: (contactId: string) => ['nurture', 'exchanges', contactId] as const,
  calendar: ['nurture', 'calendar'] as const,
};

const todayOptions = {
  queryKey: nurtureKeys.today,
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<Today>('/today', signal),
};

/** Today is asked for afresh each time it is opened: it is the user's daily starting point, and cheap. */
export function useToday() {
  return useQuery({ ...todayOptions, staleTime: 0 });
}

/** Starts loading Today while the session is still being checked, to save a round trip. */
export function prefetchToday(client: QueryClient): void {
  void client.prefetchQuery(todayOptions);
}

/**
 * After any change to a contact's schedule, history, milestones or ledger: Today, the contact
 * (due date, strength, last interaction), its nurture panels and the timeline may all differ.
 */
function useRefresh() {
  const client = useQueryClient();
  return () =>
    Promise.all([client.invalidateQueries({ queryKey: ['nurture'] }), client.invalidateQueries({ queryKey: ['contacts'] }), client.invalidateQueries({ queryKey: ['interactions'] })]);
}

export function useSnooze() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ contactId, input }: { contactId: string; input: SnoozeInput }) => api.post<Contact>(`/contacts/${enc(contactId)}/snooze`, input),
    onSuccess: refresh,
  });
}

export function useUnsnooze() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (contactId: string) => api.del(`/contacts/${enc(contactId)}/snooze`), onSuccess: refresh });
}

/** Changes a contact's keep-in-touch fields (cadence, reminders) from Today or the contact page. */
export function usePatchContact() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ contactId, patch }: { contactId: string; patch: ContactPatch }) => api.patch<Contact>(`/contacts/${enc(contactId)}`, patch),
    onSuccess: refresh,
  });
}

export function useStrength(contactId: string) {
  return useQuery({
    queryKey: nurtureKeys.strength(contactId),
    queryFn: ({ signal }) => api.get<{ strength: number; halfLifeDays: number; trend: StrengthPoint[] }>(`/contacts/${enc(contactId)}/strength`, signal),
  });
}

export function useEvents(contactId: string) {
  return useQuery({
    queryKey: nurtureKeys.events(contactId),
    queryFn: ({ signal }) => api.get<{ items: ContactEvent[] }>(`/contacts/${enc(contactId)}/events`, signal),
    select: (d) => d.items,
  });
}

export function useAddEvent(contactId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: EventInput) => api.post<ContactEvent>(`/contacts/${enc(contactId)}/events`, input), onSuccess: refresh });
}

export function useUpdateEvent() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: EventPatch }) => api.patch<ContactEvent>(`/events/${enc(id)}`, patch), onSuccess: refresh });
}

export function useDeleteEvent() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.del(`/events/${enc(id)}`), onSuccess: refresh });
}

export function useCelebrate() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, input }: { id: string; input: CelebrateInput }) => api.post<ContactEvent>(`/events/${enc(id)}/celebrate`, input), onSuccess: refresh });
}

export function useExchanges(contactId: string) {
  return useQuery({
    queryKey: nurtureKeys.exchanges(contactId),
    queryFn: ({ signal }) => api.get<{ items: Exchange[]; balance: Balance }>(`/contacts/${enc(contactId)}/exchanges`, signal),
  });
}

export function useAddExchange(contactId: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: ExchangeInput) => api.post<Exchange>(`/contacts/${enc(contactId)}/exchanges`, input), onSuccess: refresh });
}

export function useUpdateExchange() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, patch }: { id: string; patch: ExchangePatch }) => api.patch<Exchange>(`/exchanges/${enc(id)}`, patch), onSuccess: refresh });
}

export function useDeleteExchange() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.del(`/exchanges/${enc(id)}`), onSuccess: refresh });
}

/** Marks an interaction's follow-up done (or not), from Today. */
export function useFollowUpDone() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ interactionId, done }: { interactionId: string; done: boolean }) => api.patch<Interaction>(`/interactions/${enc(interactionId)}`, { followUp: { done } }),
    onSuccess: refresh,
  });
}

export function useNurtureSettings() {
  return useQuery({ queryKey: nurtureKeys.settings, queryFn: ({ signal }) => api.get<NurtureSettings>('/nurture/settings', signal) });
}

export function useUpdateNurtureSettings() {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (patch: SettingsPatch) => api.patch<NurtureSettings>('/nurture/settings', patch),
    // Every due date and strength follows the new settings.
    onSuccess: (settings) => {
      client.setQueryData(nurtureKeys.settings, settings);
      return refresh();
    },
  });
}

export function useCalendar() {
  return useQuery({ queryKey: nurtureKeys.calendar, queryFn: ({ signal }) => api.get<{ active: boolean; createdAt: string | null }>('/calendar', signal) });
}

/** Creates the feed or replaces its address; the address comes only in this answer. */
export function useRegenerateCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ url: string; createdAt: string }>('/calendar'),
    onSuccess: (feed) => client.setQueryData(nurtureKeys.calendar, { active: true, createdAt: feed.createdAt }),
  });
}

export function useRevokeCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.del('/calendar'),
    onSuccess: () => client.setQueryData(nurtureKeys.calendar, { active: false, createdAt: null }),
  });
}
