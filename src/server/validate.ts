import type { z } from 'zod';

/** "path: message; ..." from zod issues, clipped: it echoes what a stranger sent. */
export function describeZod(error: z.ZodError, root = '(message)'): string {
  const text = error.issues.map((i) => `${i.path.length ? i.path.join('.') : root}: ${i.message}`).join('; ');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
