import { describe, expect, it } from 'vitest';
import { connectScorm12, findScorm12Api, scormTimespan, type Scorm12Api } from '../../src/lms/scorm12';
import { LmsProblem, type RunOutcome } from '../../src/lms/types';

/** A record of what the course sets; scorm-again itself is exercised by tests/browser/lms-scorm12.test.ts. */
function fakeApi(initial: Record<string, string> = {}): Scorm12Api & { data: Record<string, string>; calls: string[] } {
  const data: Record<string, string> = { 'cmi.core.lesson_status': 'not attempted', 'cmi.interactions._count': '0', ...initial };
  const calls: string[] = [];
  return {
    data,
    calls,
    LMSInitialize: () => (calls.push('LMSInitialize'), 'true'),
    LMSFinish: () => (calls.push('LMSFinish'), 'true'),
    LMSCommit: () => (calls.push('LMSCommit'), 'true'),
    LMSGetValue: (k) => data[k] ?? '',
    LMSSetValue: (k, v) => {
      data[k] = v;
      const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
      if (m) data['cmi.interactions._count'] = String(Math.max(Number(data['cmi.interactions._count']), Number(m[1]) + 1));
      calls.push(`set ${k}`);
      return 'true';
    },
    LMSGetLastError: () => '0',
    LMSGetErrorString: () => '',
  };
}

const outcome: RunOutcome = {
  scoreRaw: 82.5,
  scaled: 0.825,
  mastery: 0.7,
  passed: true,
  goals: [
    { goalId: 'D2.2.2', score: 1, result: 'correct', decisions: 1, seconds: 40 },
    { goalId: 'D3.3.1', score: 0.3, result: 'wrong', decisions: 2, seconds: 3725.5 },
  ],
};

describe('the SCORM 1.2 run-time', () => {
  it('finds the API in a parent frame, then through the opener', () => {
    const api = fakeApi();
    const top = { API: api } as unknown as Window & { parent: Window };
    (top as { parent: Window }).parent = top;
    const middle = { parent: top } as unknown as Window;
    const frame = { parent: middle } as unknown as Window;
    expect(findScorm12Api(frame)).toBe(api);
    const popup = { opener: frame } as unknown as Window & { parent: Window };
    (popup as { parent: Window }).parent = popup;
    expect(findScorm12Api(popup)).toBe(api);
    const alone = {} as Window & { parent: Window };
    (alone as { parent: Window }).parent = alone;
    expect(findScorm12Api(alone)).toBeNull();
  });

  it('refuses to start without an API, in words for the learner', () => {
    expect(() => connectScorm12(null)).toThrow(LmsProblem);
    expect(() => connectScorm12(null)).toThrow(/learning platform could not be found/);
  });

  it('starts incomplete, saves, reports the result and interactions, and finishes once', async () => {
    const api = fakeApi({ 'cmi.student_data.mastery_score': '80' });
    let t = 1_000_000;
    const conn = connectScorm12(api, () => t);
    expect(api.data['cmi.core.lesson_status']).toBe('incomplete');
    expect(conn.mastery).toBe(0.8);
    expect(conn.saved).toBeNull();
    conn.save('sw1:abc', false);
    expect(api.data['cmi.suspend_data']).toBe('sw1:abc');
    expect(api.calls).not.toContain('LMSCommit');
    conn.save('x'.repeat(4097), true);
    expect(api.data['cmi.suspend_data']).toBe('sw1:abc');
    await conn.finish(outcome);
    expect(api.data['cmi.core.score.raw']).toBe('82.5');
    expect(api.data['cmi.core.score.min']).toBe('0');
    expect(api.data['cmi.core.score.max']).toBe('100');
    expect(api.data['cmi.core.lesson_status']).toBe('passed');
    expect(api.data['cmi.interactions.0.id']).toBe('D2.2.2');
    expect(api.data['cmi.interactions.0.result']).toBe('correct');
    expect(api.data['cmi.interactions.1.result']).toBe('wrong');
    expect(api.data['cmi.interactions.1.latency']).toBe('0001:02:05.50');
    t += 90_500;
    conn.end();
    conn.end();
    expect(api.data['cmi.core.session_time']).toBe('0000:01:30.50');
    expect(api.data['cmi.core.exit']).toBe('');
    expect(api.calls.filter((c) => c === 'LMSFinish')).toHaveLength(1);
  });

  it('says "completed" without a mastery score, "failed" below it, and suspends an unfinished run', async () => {
    const completed = fakeApi();
    await connectScorm12(completed).finish({ ...outcome, mastery: null, passed: null });
    expect(completed.data['cmi.core.lesson_status']).toBe('completed');
    const failed = fakeApi();
    await connectScorm12(failed).finish({ ...outcome, passed: false });
    expect(failed.data['cmi.core.lesson_status']).toBe('failed');
    const open = fakeApi({ 'cmi.suspend_data': 'sw1:xyz', 'cmi.core.lesson_status': 'incomplete' });
    const conn = connectScorm12(open);
    expect(conn.saved).toBe('sw1:xyz');
    conn.end();
    expect(open.data['cmi.core.exit']).toBe('suspend');
  });

  it('writes SCORM 1.2 timespans', () => {
    expect(scormTimespan(0)).toBe('0000:00:00.00');
    expect(scormTimespan(59.999)).toBe('0000:01:00.00');
    expect(scormTimespan(3600 * 10000)).toMatch(/^9999:/);
  });
});
