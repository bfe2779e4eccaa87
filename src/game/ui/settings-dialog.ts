import { el } from '../dom/el';
import { getSettings, TEXT_SIZES, updateSettings, type MotionSetting, type Settings } from '../settings';
import { classCoach } from '../coach/mode';
import { play } from '../sound';
import { closeDialog, createDialog, showDialog } from './dialog';

function radioGroup<T extends string | number>(
  name: string,
  legend: string,
  options: readonly { value: T; label: string }[],
  current: T,
  onChange: (value: T) => void,
): HTMLFieldSetElement {
  return el(
    'fieldset',
    { class: 'field' },
    el('legend', { class: 'field__legend' }, legend),
    ...options.map((o) => {
      const input = el('input', { type: 'radio', name, value: String(o.value), id: `${name}-${o.value}` });
      input.checked = o.value === current;
      input.addEventListener('change', () => input.checked && onChange(o.value));
      return el('label', { class: 'field__option', for: `${name}-${o.value}` }, input, o.label);
    }),
  );
}

/** The settings dialog: motion, text size, sound, assessment mode. Changes apply at once and are remembered. */
export function openSettings(): void {
  const returnTo = document.activeElement;
  const s: Settings = getSettings();
  const sound = el('input', { type: 'checkbox', id: 'setting-sound' });
  sound.checked = s.sound;
  sound.addEventListener('change', () => {
    updateSettings({ sound: sound.checked });
    play('confirm');
  });
  const assessment = el('input', { type: 'checkbox', id: 'setting-assessment' });
  assessment.checked = s.assessmentMode;
  assessment.addEventListener('change', () => updateSettings({ assessmentMode: assessment.checked }));
  const byClass = classCoach();
  const done = el('button', { type: 'button', class: 'btn btn--primary' }, 'Done');
  const dialog = createDialog({
    title: 'Settings',
    className: 'dialog--settings',
    onCancel: () => closeDialog(dialog, returnTo),
    body: [
      radioGroup<MotionSetting>(
        'setting-motion',
        'Motion',
        [
          { value: 'system', label: 'Follow my system setting' },
          { value: 'reduce', label: 'Reduce motion' },
          { value: 'full', label: 'Full motion' },
        ],
        s.motion,
        (motion) => updateSettings({ motion }),
      ),
      radioGroup(
        'setting-text',
        'Text size',
        TEXT_SIZES.map((size) => ({ value: size, label: `${size}%` })),
        s.textSize,
        (textSize) => updateSettings({ textSize }),
      ),
      el('fieldset', { class: 'field' }, el('legend', { class: 'field__legend' }, 'Sound'), el('label', { class: 'field__option', for: 'setting-sound' }, sound, 'Play short sounds for choices and events (off by default)')),
      el(
        'fieldset',
        { class: 'field' },
        el('legend', { class: 'field__legend' }, 'Coach'),
        el('label', { class: 'field__option', for: 'setting-assessment' }, assessment, 'Assessment mode: after each choice, say only what happened, with no verdicts and no right answers'),
        byClass === null ? null : el('p', { class: 'field__note' }, `Your class has the coach ${byClass ? 'on' : 'off'}: your facilitator's choice applies while you play in the class.`),
      ),
      el('p', { class: 'field__note' }, 'Settings stay on this device. Scenes already on screen pick up a motion change when you next open them.'),
      el('div', { class: 'dialog__actions' }, done),
    ],
  });
  done.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
}
