import Phaser from '../phaser';
import { drawBackdrop } from '../art/backdrop';
import { announce } from '../dom/announce';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { setLayout } from '../layout';
import { markSceneReady } from '../ready';
import { sceneForPhase } from '../router';
import { getStore, statusLines, type StoreEvent } from '../session-store';
import { readPalette } from '../theme/palette';
import { focusHeading } from '../ui/focus';
import { openKeyboardHelp } from '../ui/menus';
import { page, toolButton } from '../ui/page';
import { noticeBanner } from '../ui/screen';
import { openSettings } from '../ui/settings-dialog';
import { ClassroomClient, joinClass } from '../classroom/client';
import { resumeWithCode } from '../classroom/resume';
import { joinCodeFromUrl, readClass } from '../classroom/saved';
import '../classroom/classroom.css';
import { SceneKey } from './keys';

export interface ClassroomData {
  /** Prefills the join form. */
  code?: string;
}

/**
 * Joining a class and everything around playing one that is not a run screen: the join form,
 * "connecting", and why play stopped (removed, another tab, a class that cannot resume). Once
 * the server sends the learner's game, the run screens take over, as for a local game.
 */
export class Classroom extends Phaser.Scene {
  private readonly store = getStore();
  private root!: HTMLElement;
  private code = '';
  private name = '';
  private joinError: { field: 'code' | 'name' | null; message: string } | null = null;
  private joining = false;
  private leaving = false;
  /** The join screen takes a resume code from another device instead of a class code and name. */
  private resuming = false;
  private resumeCode = '';

  constructor() {
    super(SceneKey.Classroom);
  }

  create(data?: ClassroomData): void {
    this.leaving = false;
    this.joining = false;
    this.joinError = null;
    this.resuming = false;
    this.resumeCode = '';
    this.code = data?.code ?? joinCodeFromUrl() ?? '';
    this.name = readClass()?.name ?? '';
    setLayout('top');
    const palette = readPalette();
    drawBackdrop(this, palette, { accent: palette.sky, motion: !prefersReducedMotion() });
    this.root = mountPanel(this, el('div', { class: 'panel-root' }));
    const off = this.store.subscribe((event) => this.onStore(event));
    this.events.once('shutdown', off);
    if (!this.goToRun()) {
      this.paint();
      focusHeading(this.root);
      this.root.querySelector<HTMLInputElement>(this.code ? '#join-name' : '#join-code')?.focus();
    }
    markSceneReady(this, SceneKey.Classroom);
  }

  private onStore(event: StoreEvent): void {
    if (this.leaving) return;
    if (event.type === 'closed' && event.next === 'title') {
      this.leaving = true;
      this.scene.start(SceneKey.Title);
      return;
    }
    if (!this.goToRun()) this.paint();
  }

  /** The server has sent the game: show its screen. */
  private goToRun(): boolean {
    const run = this.store.run;
    if (!run || !this.store.classroom) return false;
    this.leaving = true;
    this.scene.start(sceneForPhase(run.step.phase));
    return true;
  }

  private paint(): void {
    const active = document.activeElement;
    const focusId = active instanceof HTMLElement && this.root.contains(active) ? active.id : '';
    this.root.replaceChildren(this.render());
    if (focusId) document.getElementById(focusId)?.focus();
  }

  private render(): HTMLElement {
    const client = this.store.classroom;
    const tools = [toolButton('Keyboard', '⌨', openKeyboardHelp, 'tool:keys'), toolButton('Settings', '⚙', openSettings, 'tool:settings')];
    if (!client && this.resuming) {
      return page({ key: 'classroom', title: 'Continue your class here', lead: 'Moving from another device? Type the resume code it shows (Menu, then Move to another device). Your game goes on here, where you left it.', tools, main: [this.resumeForm()] });
    }
    if (!client) {
      return page({ key: 'classroom', title: 'Join a class', lead: 'Play the scenario your facilitator runs: the class sees how everyone chose, and nobody sees your name but your facilitator and class.', tools, main: [this.form()] });
    }
    const s = client.status;
    const stopped = s.removed || s.fatal || s.replaced;
    const title = s.removed ? 'You are no longer in this class' : s.fatal ? 'This class cannot be played from here' : s.replaced ? 'This class is open elsewhere' : 'Joining your class…';
    const buttons: HTMLElement[] = [];
    if (s.replaced) buttons.push(this.button('Play here instead', 'classroom:reconnect', true, () => {
      client.start();
      this.paint();
    }));
    if (s.removed || s.fatal) buttons.push(this.button('Join a class', 'classroom:join', true, () => {
      this.store.leaveClassroom(true);
    }));
    buttons.push(this.button('Back to the title', 'classroom:title', !stopped && buttons.length === 0, () => this.store.leaveClassroom(false)));
    return page({
      key: 'classroom',
      title,
      lead: stopped ? undefined : 'Your game is on the classroom server. It appears here as soon as the server sends it.',
      tools,
      main: [el('div', { class: 'classroom-status' }, noticeBanner(statusLines(s)), el('div', { class: 'row-actions' }, ...buttons))],
    });
  }

  private button(label: string, key: string, primary: boolean, onClick: () => void): HTMLButtonElement {
    const b = el('button', { type: 'button', class: `btn ${primary ? 'btn--primary' : 'btn--secondary'}`, 'data-focus': key, id: key.replace(':', '-') }, label);
    b.addEventListener('click', onClick);
    return b;
  }

  private form(): HTMLElement {
    const err = this.joinError;
    const described = (hint: string, field: 'code' | 'name') => (err && (err.field === field || err.field === null) ? `${hint} join-error` : hint);
    const code = el('input', {
      id: 'join-code',
      name: 'code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: '20',
      required: '',
      'aria-describedby': described('join-code-hint', 'code'),
      ...(err?.field === 'code' ? { 'aria-invalid': 'true' } : {}),
    });
    code.value = this.code;
    code.addEventListener('input', () => (this.code = code.value));
    const name = el('input', {
      id: 'join-name',
      name: 'name',
      autocomplete: 'nickname',
      maxlength: '80',
      required: '',
      'aria-describedby': described('join-name-hint', 'name'),
      ...(err?.field === 'name' ? { 'aria-invalid': 'true' } : {}),
    });
    name.value = this.name;
    name.addEventListener('input', () => (this.name = name.value));
    const submit = el('button', { type: 'submit', id: 'join-submit', class: 'btn btn--primary', ...(this.joining ? { 'aria-disabled': 'true' } : {}) }, this.joining ? 'Joining…' : 'Join the class');
    const back = this.backButton();
    const form = el(
      'form',
      { class: 'join-form', 'aria-labelledby': 'screen-title', novalidate: '' },
      el('label', { for: 'join-code' }, 'Class code'),
      code,
      el('p', { class: 'join-form__hint', id: 'join-code-hint' }, '7 letters and digits, as your facilitator shows it (dashes and spaces do not matter)'),
      el('label', { for: 'join-name' }, 'Your name'),
      name,
      el('p', { class: 'join-form__hint', id: 'join-name-hint' }, 'Shown to your facilitator and your class: 1 to 40 characters'),
      err ? el('p', { class: 'notice notice--error join-form__error', id: 'join-error', role: 'alert' }, err.message) : null,
      el('div', { class: 'row-actions' }, submit, back),
      this.switchButton('join-resume-switch', 'I have a resume code', true),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.join();
    });
    return form;
  }

  private backButton(): HTMLButtonElement {
    const back = el('button', { type: 'button', id: 'join-back', class: 'btn btn--secondary' }, 'Back to the title');
    back.addEventListener('click', () => {
      this.leaving = true;
      this.scene.start(SceneKey.Title);
    });
    return back;
  }

  /** Switches between joining with a class code and continuing with a resume code. */
  private switchButton(id: string, label: string, resuming: boolean): HTMLButtonElement {
    const b = el('button', { type: 'button', id, class: 'btn btn--quiet join-form__switch' }, label);
    b.addEventListener('click', () => {
      this.resuming = resuming;
      this.joinError = null;
      this.paint();
      focusHeading(this.root);
      this.root.querySelector<HTMLInputElement>(resuming ? '#resume-code' : '#join-code')?.focus();
    });
    return b;
  }

  private resumeForm(): HTMLElement {
    const err = this.joinError;
    const input = el('input', {
      id: 'resume-code',
      name: 'resume-code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: '40',
      required: '',
      'aria-describedby': err ? 'resume-code-hint join-error' : 'resume-code-hint',
      ...(err ? { 'aria-invalid': 'true' } : {}),
    });
    input.value = this.resumeCode;
    input.addEventListener('input', () => (this.resumeCode = input.value));
    const submit = el('button', { type: 'submit', id: 'resume-submit', class: 'btn btn--primary', ...(this.joining ? { 'aria-disabled': 'true' } : {}) }, this.joining ? 'Continuing…' : 'Continue my class');
    const form = el(
      'form',
      { class: 'join-form', 'aria-labelledby': 'screen-title', novalidate: '' },
      el('label', { for: 'resume-code' }, 'Resume code'),
      input,
      el('p', { class: 'join-form__hint', id: 'resume-code-hint' }, '10 letters and digits, like ABCDE-FGHJK (dashes and spaces do not matter). Your other device stops playing the class once it is used.'),
      err ? el('p', { class: 'notice notice--error join-form__error', id: 'join-error', role: 'alert' }, err.message) : null,
      el('div', { class: 'row-actions' }, submit, this.backButton()),
      this.switchButton('resume-join-switch', 'Join with a class code instead', false),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.resume();
    });
    return form;
  }

  private async resume(): Promise<void> {
    if (this.joining) return;
    this.joining = true;
    this.joinError = null;
    this.paint();
    announce('Continuing your class…');
    const result = await resumeWithCode(this.resumeCode).catch(() => ({ ok: false as const, message: 'The class could not be resumed. Try again.' }));
    this.joining = false;
    if (this.leaving) return;
    if (!result.ok) {
      this.joinError = { field: 'code', message: result.message };
      this.paint();
      this.root.querySelector<HTMLElement>('#resume-code')?.focus();
      return;
    }
    announce(`Continuing the class as ${result.saved.name}. Waiting for your game…`);
    this.resuming = false;
    this.store.enterClassroom(new ClassroomClient(result.saved));
    if (!this.goToRun()) {
      this.paint();
      focusHeading(this.root);
    }
  }

  private async join(): Promise<void> {
    if (this.joining) return;
    this.joining = true;
    this.joinError = null;
    this.paint();
    announce('Joining the class…');
    let result: Awaited<ReturnType<typeof joinClass>>;
    try {
      result = await joinClass(this.code, this.name);
    } catch {
      result = { ok: false, field: null, message: 'The class could not be joined. Try again.' };
    }
    this.joining = false;
    if (this.leaving) return;
    if (!result.ok) {
      this.joinError = { field: result.field, message: result.message };
      this.paint();
      this.root.querySelector<HTMLElement>(result.field === 'name' ? '#join-name' : '#join-code')?.focus();
      return;
    }
    announce(`Joined the class as ${result.saved.name}. Waiting for your game…`);
    this.store.enterClassroom(new ClassroomClient(result.saved));
    if (!this.goToRun()) {
      this.paint();
      focusHeading(this.root);
    }
  }
}
