import logoUrl from '../../assets/logo.svg';

/** Keys of the textures Boot loads, so scenes never spell a texture name twice. */
export const TextureKey = {
  Logo: 'logo',
} as const;

export type TextureKey = (typeof TextureKey)[keyof typeof TextureKey];

export const textureUrls: Record<TextureKey, string> = {
  [TextureKey.Logo]: logoUrl,
};
