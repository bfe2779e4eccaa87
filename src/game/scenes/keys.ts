/** Scene keys: each scene class is named after its key and lives in a file of that name. */
export const SceneKey = {
  Boot: 'Boot',
  Title: 'Title',
  CampaignMap: 'CampaignMap',
  KnowledgeMap: 'KnowledgeMap',
  /** Joining a class, and the classroom's states around a run (connecting, removed...). */
  Classroom: 'Classroom',
  Briefing: 'Briefing',
  Backlog: 'Backlog',
  Planning: 'Planning',
  SprintDay: 'SprintDay',
  Review: 'Review',
  Retrospective: 'Retrospective',
  Release: 'Release',
  Debrief: 'Debrief',
  /** Views a run opens beside its phase screens (no phase of their own): see view-scene.ts. */
  StakeholderMap: 'StakeholderMap',
  Customers: 'Customers',
  Market: 'Market',
  /** Any phase the game has no dedicated screen for yet: every listed action, generically. */
  Decision: 'Decision',
  /** Stepping through a recorded run (a replay file, a replay link, or the run just played). */
  ReplayViewer: 'ReplayViewer',
} as const;

export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];
