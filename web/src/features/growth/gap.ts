import { SKILL_LEVELS } from './scale';
import type { Gap, Skill } from './types';

export const VERDICT_LABELS: Record<Gap['verdict'], string | null> = {
  blind_spot: 'Blind spot',
  hidden_strength: 'Hidden strength',
  aligned: 'Aligned',
  not_enough_data: null,
};

/** "4 · Strong" for a score; averages keep one decimal. */
export function scoreLabel(value: number | null): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? `${rounded} · ${SKILL_LEVELS[rounded - 1]}` : String(rounded);
}

/** What the gap between your rating and others' says, in a sentence. */
export function gapSentence(gap: Gap): string {
  const figures = `you ${gap.self}, others ${gap.others}`;
  switch (gap.verdict) {
    case 'blind_spot':
      return `Blind spot: you rate yourself higher than others do (${figures}).`;
    case 'hidden_strength':
      return `Hidden strength: others rate you higher than you do (${figures}).`;
    case 'aligned':
      return `You and others see it alike (${figures}).`;
    case 'not_enough_data':
      if (gap.self === null) return 'Rate yourself to compare your view with how others see you.';
      if (gap.othersCount === 0) return 'Nobody else has rated this yet: ask for feedback to see how others see you.';
      return `${gap.othersCount === 1 ? 'One person has' : `${gap.othersCount} people have`} rated this in the last year; from two ratings on, Rapport compares their view with yours.`;
  }
}

export const skillsWith = (skills: readonly Skill[], verdict: Gap['verdict']) => skills.filter((s) => s.gap.verdict === verdict);
