import { api } from '../../shared/api';

export interface DemoCounts {
  contacts: number;
  interactions: number;
}

/** Fills the signed-in, empty account with the demo network; the server refuses (409) when it has contacts. */
export const addDemoNetwork = () => api.post<DemoCounts>('/demo');

export const demoAddedMessage = (counts: DemoCounts) =>
  `Added the demo network: ${counts.contacts.toLocaleString()} contacts and ${counts.interactions.toLocaleString()} interactions.`;

export const DEMO_DESCRIPTION = 'About 300 made-up people and three years of conversations with them, so every page has something to show.';
