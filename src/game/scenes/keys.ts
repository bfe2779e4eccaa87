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
  /** Any phase the game has no dedicated screen for yet: every listed action, generically. */
  Decision: 'Decision',
} as const;

export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];
