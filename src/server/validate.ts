import type { z } from 'zod';

/** "path: message; ..." from zod issues, clipped: it echoes what a stranger sent. */
export function describeZod(error: z.ZodError, root = '(message)'): string {
  const text = error.issues.map((i) => `${i.path.length ? i.path.join('.') : root}: ${i.message}`).join('; ');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** The same text from the issues Fastify's zod validator reports (`instancePath` is "/a/b"). */
export function describeIssues(issues: readonly { instancePath: string; message?: string }[], root: string): string {
  const text = issues.map((i) => `${i.instancePath.length > 1 ? i.instancePath.slice(1).replaceAll('/', '.') : root}: ${i.message ?? 'invalid'}`).join('; ');
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
