/** Scene keys: each scene class is named after its key and lives in a file of that name. */
export const SceneKey = {
  Boot: 'Boot',
  Title: 'Title',
} as const;

export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];
