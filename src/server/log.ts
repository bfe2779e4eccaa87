/**
 * Structured log lines (one JSON object per line on stderr by default). Refused and malformed
 * input is logged with what was refused and from where, never with secrets.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
}

export function streamLogger(write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  return {
    log(level, event, fields = {}) {
      write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

/** Keeps lines in memory: tests assert that an attack was logged. */
export function memoryLogger(): Logger & { lines: { level: LogLevel; event: string; fields: Record<string, unknown> }[] } {
  const lines: { level: LogLevel; event: string; fields: Record<string, unknown> }[] = [];
  return { lines, log: (level, event, fields = {}) => void lines.push({ level, event, fields }) };
}
