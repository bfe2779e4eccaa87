// Types for learner-list.js, so Node tests can check the dashboard's sorting, filter and counts.
import type { LearnerSummary } from '../classroom/summary';

export type SortKey = 'joined' | 'nameAsc' | 'nameDesc' | 'progressDesc' | 'progressAsc' | 'valueDesc' | 'valueAsc';
export const SORTS: Readonly<Record<SortKey, { label: string; column: 'name' | 'where' | 'value' | null; descending: boolean }>>;
export function sortLearners<T extends Pick<LearnerSummary, 'name' | 'joinedAt' | 'done' | 'stage' | 'steps' | 'outcomes'>>(learners: readonly T[], key?: SortKey): T[];
export function filterLearners<T extends Pick<LearnerSummary, 'name'>>(learners: readonly T[], text: string): T[];
export function stageCounts(learners: readonly Pick<LearnerSummary, 'removed' | 'done' | 'stage' | 'stageLabel' | 'waiting'>[]): { label: string; count: number; waiting: number }[];
