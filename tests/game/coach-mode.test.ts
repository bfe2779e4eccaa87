import { afterEach, describe, expect, it } from 'vitest';
import { classCoach, coachOn, setClassCoach } from '../../src/game/coach/mode';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/game/settings';

const own = (assessmentMode: boolean) => ({ ...DEFAULT_SETTINGS, assessmentMode });

describe('whether the coach gives verdicts', () => {
  afterEach(() => setClassCoach(null));

  it("follows the player's own assessment-mode setting outside a class", () => {
    expect(classCoach()).toBeNull();
    expect(coachOn(own(false))).toBe(true);
    expect(coachOn(own(true))).toBe(false);
  });

  it("follows the class's choice in a class, whatever the player's setting", () => {
    setClassCoach(false);
    expect(coachOn(own(false))).toBe(false);
    setClassCoach(true);
    expect(coachOn(own(true))).toBe(true);
  });

  it('keeps assessment mode off by default and reads it back from storage', () => {
    expect(parseSettings(null).assessmentMode).toBe(false);
    expect(parseSettings('{"assessmentMode":true}').assessmentMode).toBe(true);
    expect(parseSettings('{"assessmentMode":"yes"}').assessmentMode).toBe(false);
  });
});
