/**
 * Player settings: motion, text size, sound and assessment mode. Kept in localStorage (never in a save: they
 * belong to the device, not to a run) and applied to the document as data attributes and one
 * CSS custom property, so CSS and the scenes read the same switch.
 */
export type MotionSetting = 'system' | 'reduce' | 'full';
export type TextSize = 100 | 125 | 150;

export interface Settings {
  motion: MotionSetting;
  textSize: TextSize;
  /** Off by default: sound is opt-in. */
  sound: boolean;
  /** Assessment mode: the coach keeps its verdicts and right answers to itself (a class may decide instead). */
  assessmentMode: boolean;
}

export const DEFAULT_SETTINGS: Settings = { motion: 'system', textSize: 100, sound: false, assessmentMode: false };
export const TEXT_SIZES: readonly TextSize[] = [100, 125, 150];
const KEY = 'sprintwise.settings';

type Listener = (settings: Settings) => void;
const listeners = new Set<Listener>();
let current: Settings | null = null;

/** Reads stored settings, keeping defaults for anything missing or malformed. */
export function parseSettings(raw: string | null): Settings {
  if (raw === null) return { ...DEFAULT_SETTINGS };
  try {
    const value: unknown = JSON.parse(raw);
    if (value === null || typeof value !== 'object') return { ...DEFAULT_SETTINGS };
    const v = value as Record<string, unknown>;
    return {
      motion: v.motion === 'reduce' || v.motion === 'full' || v.motion === 'system' ? v.motion : DEFAULT_SETTINGS.motion,
      textSize: TEXT_SIZES.includes(v.textSize as TextSize) ? (v.textSize as TextSize) : DEFAULT_SETTINGS.textSize,
      sound: v.sound === true,
      assessmentMode: v.assessmentMode === true,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

function readStored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function getSettings(): Settings {
  return (current ??= parseSettings(readStored()));
}

export function updateSettings(patch: Partial<Settings>): Settings {
  current = { ...getSettings(), ...patch };
  try {
    localStorage.setItem(KEY, JSON.stringify(current));
  } catch {
    // Settings are a convenience: a full or blocked storage must not stop the game.
  }
  applySettings();
  for (const listener of listeners) listener(current);
  return current;
}

export function onSettingsChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function systemPrefersReduced(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Whether decorative motion is wanted now: the setting, or the system's preference when it says "system". */
export function motionAllowed(settings: Settings = getSettings()): boolean {
  return settings.motion === 'full' || (settings.motion === 'system' && !systemPrefersReduced());
}

/** Puts the settings on <html>: `data-motion="full|reduce"` and `--sw-text-scale`. */
export function applySettings(settings: Settings = getSettings()): void {
  const root = document.documentElement;
  root.dataset.motion = motionAllowed(settings) ? 'full' : 'reduce';
  root.dataset.textSize = String(settings.textSize);
  root.style.setProperty('--sw-text-scale', String(settings.textSize / 100));
}
