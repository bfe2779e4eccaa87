import type Phaser from 'phaser';
import type { Palette } from '../theme/palette';
import { BOARD, CARD, CARD_ROWS, DOOR_X, FLOOR, FLOOR_Y, STAGE_HEIGHT, TEAM, cardSlot, floorSlots } from './layout';
import { columnName, type Column, type StageCard, type StageEvent, type StageStakeholder, type StageState } from './model';

type Container = Phaser.GameObjects.Container;
type Text = Phaser.GameObjects.Text;

const FONT = '"Inter", "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif';
const hex = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** How long one step of the stage takes with motion on; several days at once play faster. */
const MOVE_MS = 420;
const SEQUENCE_MS = 1400;
const BUBBLE_WRAP = 250;

interface CardObject {
  box: Container;
  /** What it was drawn from, to redraw only when it changed. */
  look: string;
}

interface Person {
  box: Container;
  figure: Container;
  badge: Phaser.GameObjects.Graphics;
  bubble: Container;
  look: string;
  present: boolean;
}

/**
 * The stage drawn with Phaser: the Developers' board (To do, In progress, Done), the Developers
 * at their desk, and a floor where stakeholders come in through a door to speak and react. It
 * draws a StageState and plays the StageEvents that led to it; it decides nothing itself. With
 * motion off every change is instant.
 */
export class StageView {
  private readonly root: Container;
  private readonly cards = new Map<string, CardObject>();
  private readonly people = new Map<string, Person>();
  private readonly more = new Map<Column, Text>();
  private readonly heads: Text[] = [];
  private readonly developers: Container[] = [];
  private readonly label: Text;
  private readonly teamBubble: Container;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly palette: Palette,
    top: number,
    private readonly motion: boolean,
  ) {
    this.root = scene.add.container(0, top);
    this.drawSet();
    this.label = this.text(TEAM.x + TEAM.width / 2, 10, '', 14, palette.yellow, true).setOrigin(0.5, 0);
    this.root.add(this.label);
    this.teamBubble = scene.add.container(0, 0).setVisible(false);
    this.root.add(this.teamBubble);
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.root.getAll());
    this.root.destroy();
  }

  /** Shows `state`; `events` (from the last state to this one) are played in order when motion is on. */
  show(state: StageState, events: readonly StageEvent[]): void {
    const days = events.filter((e) => e.kind === 'day');
    // Several days at once (the player ran to the next event) play as one short sequence.
    const step = days.length > 1 ? Math.min(MOVE_MS, SEQUENCE_MS / days.length) : MOVE_MS * 0.4;
    this.showLabel(state, days, step);
    this.showCards(state, events, step);
    this.showPeople(state, events);
    this.showTeam(state);
  }

  // ---------- the set: board, desk, door ----------

  private drawSet(): void {
    const p = this.palette;
    const g = this.scene.add.graphics();
    // The room: a wall with a window, and a floor everyone stands on.
    g.fillStyle(p.ink, 0.45);
    g.fillRect(0, 0, 1280, FLOOR_Y);
    g.fillStyle(p.navyLight, 0.55);
    g.fillRect(0, FLOOR_Y, 1280, STAGE_HEIGHT - FLOOR_Y);
    g.fillStyle(p.sky, 0.35);
    g.fillRect(0, FLOOR_Y, 1280, 2);
    g.fillStyle(p.navy, 1);
    g.fillRoundedRect(FLOOR.x + 40, 14, 150, 62, 6);
    g.fillStyle(p.sky, 0.16);
    g.fillRoundedRect(FLOOR.x + 46, 20, 66, 50, 3);
    g.fillRoundedRect(FLOOR.x + 118, 20, 66, 50, 3);
    // A plant by the window: the room is lived in.
    g.fillStyle(p.orange, 0.8);
    g.fillRoundedRect(DOOR_X - 44, FLOOR_Y - 20, 20, 20, { tl: 2, tr: 2, bl: 6, br: 6 });
    g.fillStyle(p.green, 1);
    g.fillEllipse(DOOR_X - 40, FLOOR_Y - 30, 12, 24);
    g.fillEllipse(DOOR_X - 28, FLOOR_Y - 32, 12, 26);
    g.fillEllipse(DOOR_X - 34, FLOOR_Y - 38, 12, 26);

    // The board on its stand.
    const top = 4;
    const h = FLOOR_Y - 12;
    g.fillStyle(0x5a7186, 1);
    g.fillRect(BOARD.x + 40, top + h, 8, FLOOR_Y - top - h);
    g.fillRect(BOARD.x + BOARD.width - 48, top + h, 8, FLOOR_Y - top - h);
    g.fillStyle(0x0a1f31, 1);
    g.fillRoundedRect(BOARD.x, top, BOARD.width, h, 10);
    g.lineStyle(3, 0x5a7186, 1);
    g.strokeRoundedRect(BOARD.x, top, BOARD.width, h, 10);
    const inner = (BOARD.width - BOARD.pad * 2) / 3;
    g.lineStyle(1, p.navyLight, 1);
    for (let i = 1; i < 3; i++) g.lineBetween(BOARD.x + BOARD.pad + inner * i, top + 8, BOARD.x + BOARD.pad + inner * i, top + h - 8);
    this.root.add(g);
    const heads: [Column, number][] = [['todo', p.sky], ['doing', p.orange], ['done', p.green]];
    heads.forEach(([column, colour], i) => {
      const x = BOARD.x + BOARD.pad + inner * i + 8;
      const dot = this.scene.add.graphics();
      dot.fillStyle(colour, 1);
      dot.fillCircle(x + 4, 17, 4);
      const head = this.text(x + 14, 9, columnName(column), 13, p.text, true);
      this.heads.push(head);
      this.root.add([dot, head]);
    });

    // The Developers at their desk, working on laptops (we see the lids).
    const colours = [p.sky, p.green, p.purple];
    const skins = [0xf1c9a5, 0xa86f4c, 0xe0ac82];
    colours.forEach((colour, i) => {
      const dev = this.scene.add.container(TEAM.x + 32 + i * 53, 66);
      dev.add(this.figure(colour, skins[i]!, i % 2 === 0));
      this.developers.push(dev);
      this.root.add(dev);
    });
    const desk = this.scene.add.graphics();
    for (let i = 0; i < 3; i++) {
      desk.fillStyle(0xc9d6e2, 1);
      desk.fillRoundedRect(TEAM.x + 18 + i * 53, 76, 28, 18, 3);
      desk.fillStyle(0xffffff, 0.9);
      desk.fillCircle(TEAM.x + 32 + i * 53, 85, 2.5);
    }
    desk.fillStyle(0x8a5a3c, 1);
    desk.fillRoundedRect(TEAM.x, 94, TEAM.width, 8, 3);
    desk.fillStyle(0x6b4630, 1);
    desk.fillRect(TEAM.x + 10, 102, 6, FLOOR_Y - 102);
    desk.fillRect(TEAM.x + TEAM.width - 16, 102, 6, FLOOR_Y - 102);
    this.root.add(desk);
    this.root.add(this.text(TEAM.x + TEAM.width / 2, FLOOR_Y + 1, 'Developers', 12, p.text, false).setOrigin(0.5, 0));

    // The door the stakeholders come through.
    const door = this.scene.add.graphics();
    door.fillStyle(0x5a7186, 1);
    door.fillRoundedRect(DOOR_X - 4, 30, 32, FLOOR_Y - 30, { tl: 6, tr: 6, bl: 0, br: 0 });
    door.fillStyle(p.navyLight, 1);
    door.fillRoundedRect(DOOR_X, 34, 24, FLOOR_Y - 34, { tl: 4, tr: 4, bl: 0, br: 0 });
    door.fillStyle(p.yellow, 1);
    door.fillCircle(DOOR_X + 5, 78, 2.5);
    this.root.add(door);
  }

  /** A person: head, hair and body, drawn around (0, 0) at the neck. */
  private figure(body: number, skin: number, longHair: boolean): Phaser.GameObjects.Graphics {
    const g = this.scene.add.graphics();
    g.fillStyle(body, 1);
    g.fillRoundedRect(-13, 2, 26, 34, { tl: 11, tr: 11, bl: 3, br: 3 });
    g.fillStyle(skin, 1);
    g.fillCircle(0, -10, 11);
    g.fillStyle(0x2b1d14, 1);
    g.beginPath();
    g.arc(0, -12, 11, Math.PI, 0, false);
    g.closePath();
    g.fillPath();
    if (longHair) {
      g.fillRect(-11, -12, 4, 12);
      g.fillRect(7, -12, 4, 12);
    }
    return g;
  }

  private text(x: number, y: number, value: string, size: number, colour: number, bold: boolean): Text {
    return this.scene.add.text(x, y, value, { fontFamily: FONT, fontSize: `${size}px`, fontStyle: bold ? 'bold' : '', color: hex(colour), resolution: 2 });
  }

  // ---------- the label above the Developers ----------

  private showLabel(state: StageState, days: readonly StageEvent[], step: number): void {
    const words = (day: number) => (state.screen === 'planning' ? 'Sprint Planning' : state.screen === 'review' ? 'Sprint Review' : day === 0 ? 'Day 1 is next' : `Day ${day} of ${state.days}`);
    this.label.setText(words(state.day));
    if (!this.motion || days.length < 2) return;
    // The days skipped in one go tick by on the label, one step each.
    this.label.setText(words(days[0]!.day! - 1));
    days.forEach((d, i) => {
      this.scene.tweens.add({ targets: this.label, scale: { from: 1.15, to: 1 }, duration: step, delay: i * step, onStart: () => this.label.setText(words(d.day!)) });
    });
  }

  // ---------- cards ----------

  private cardLook(card: StageCard): string {
    return `${card.title}|${card.column}|${card.blocked}|${card.blockedBy}`;
  }

  private drawCard(card: StageCard): Container {
    const p = this.palette;
    const stripe = card.type === 'defect' ? p.orange : card.type === 'story' ? p.purple : card.type === 'technical' ? p.yellow : card.type === 'epic' ? p.green : p.sky;
    const box = this.scene.add.container(0, 0);
    const g = this.scene.add.graphics();
    g.fillStyle(card.column === 'done' ? 0x0f3b3a : p.navyLight, 1);
    g.fillRoundedRect(0, 0, CARD.width, CARD.height, 6);
    g.fillStyle(stripe, 1);
    g.fillRoundedRect(4, 5, 5, CARD.height - 10, 2);
    if (card.blocked) {
      g.lineStyle(2, p.orange, 1);
      g.strokeRoundedRect(0, 0, CARD.width, CARD.height, 6);
    }
    box.add(g);
    const badge = card.blocked || card.column === 'done' ? 22 : 0;
    const title = this.text(15, 4, card.title, 14, p.text, false);
    fitText(title, CARD.width - 20 - badge);
    box.add(title);
    if (card.column === 'done') {
      const tick = this.scene.add.graphics();
      tick.fillStyle(p.green, 1);
      tick.fillCircle(CARD.width - 13, CARD.height / 2, 8);
      tick.lineStyle(2.5, 0xffffff, 1);
      tick.lineBetween(CARD.width - 17, CARD.height / 2, CARD.width - 14, CARD.height / 2 + 3);
      tick.lineBetween(CARD.width - 14, CARD.height / 2 + 3, CARD.width - 9, CARD.height / 2 - 3);
      box.add(tick);
    } else if (card.blocked) {
      // A stop sign: the card cannot move until the work it waits on is Done.
      const stop = this.scene.add.graphics();
      stop.fillStyle(p.orange, 1);
      stop.fillCircle(CARD.width - 13, CARD.height / 2, 8);
      stop.lineStyle(2.5, p.ink, 1);
      stop.lineBetween(CARD.width - 17, CARD.height / 2, CARD.width - 9, CARD.height / 2);
      box.add(stop);
    }
    this.root.add(box);
    return box;
  }

  private showCards(state: StageState, events: readonly StageEvent[], step: number): void {
    const rows = new Map<Column, StageCard[]>([['todo', []], ['doing', []], ['done', []]]);
    for (const card of state.cards) rows.get(card.column)!.push(card);
    const shown = new Set<string>();
    const moveOrder = events.filter((e) => e.kind === 'moved').map((e) => e.cardId);
    const cleared = events.some((e) => e.kind === 'cleared');

    for (const [column, cards] of rows) {
      const room = cards.length > CARD_ROWS ? CARD_ROWS - 1 : CARD_ROWS;
      // Cards in progress and Done keep the newest in view; To do keeps the next ones.
      const visible = column === 'done' ? cards.slice(-room) : cards.slice(0, room);
      visible.forEach((card, row) => {
        shown.add(card.id);
        const slot = cardSlot(column, row);
        const existing = cleared ? undefined : this.cards.get(card.id);
        const look = this.cardLook(card);
        let box = existing?.box;
        const from = box ? { x: box.x, y: box.y } : null;
        if (!existing || existing.look !== look) {
          existing?.box.destroy();
          box = this.drawCard(card);
          box.setPosition(from?.x ?? slot.x, from?.y ?? slot.y);
          this.cards.set(card.id, { box, look });
        }
        const order = moveOrder.indexOf(card.id);
        if (!this.motion) {
          box!.setPosition(slot.x, slot.y).setAlpha(1);
        } else if (!from) {
          box!.setAlpha(0);
          this.scene.tweens.add({ targets: box, alpha: 1, duration: 300 });
        } else if (from.x !== slot.x || from.y !== slot.y) {
          const delay = Math.max(order, 0) * step;
          this.root.bringToTop(box!);
          this.scene.tweens.killTweensOf(box!);
          this.scene.tweens.add({ targets: box, x: slot.x, y: slot.y, duration: MOVE_MS, delay, ease: 'Cubic.easeInOut', onStart: () => this.nudge(order) });
        }
      });
      this.showMore(column, cards.length - visible.length);
    }
    for (const [id, card] of this.cards) {
      if (shown.has(id)) continue;
      this.cards.delete(id);
      if (this.motion) this.scene.tweens.add({ targets: card.box, alpha: 0, duration: 250, onComplete: () => card.box.destroy() });
      else card.box.destroy();
    }
    const counts = ['todo', 'doing', 'done'].map((c) => rows.get(c as Column)!.length);
    this.heads.forEach((head, i) => head.setText(`${columnName((['todo', 'doing', 'done'] as const)[i]!)}  ${counts[i]}`));
  }

  private showMore(column: Column, hidden: number): void {
    let more = this.more.get(column);
    if (hidden <= 0) {
      more?.setVisible(false);
      return;
    }
    if (!more) {
      const slot = cardSlot(column, CARD_ROWS - 1);
      more = this.text(slot.x + CARD.width / 2, slot.y + 5, '', 13, 0x9fb6cb, true).setOrigin(0.5, 0);
      this.more.set(column, more);
      this.root.add(more);
    }
    more.setText(`+ ${hidden} more`).setVisible(true);
  }

  /** A Developer hops when a card moves, as if they had moved it. */
  private nudge(order: number): void {
    const dev = this.developers[Math.max(order, 0) % this.developers.length];
    if (!dev || !this.motion) return;
    this.scene.tweens.add({ targets: dev, y: 60, duration: 140, yoyo: true, ease: 'Sine.easeOut' });
  }

  // ---------- stakeholders ----------

  private personLook(s: StageStakeholder): string {
    return `${s.mood}|${s.says ?? ''}`;
  }

  private makePerson(s: StageStakeholder, index: number): Person {
    const p = this.palette;
    const colours = [p.orange, p.purple, p.yellow, p.green, p.sky];
    const skins = [0xf1c9a5, 0xc68e62, 0x8d5a3b, 0xe8b48a];
    const box = this.scene.add.container(DOOR_X + 10, 0);
    const figure = this.scene.add.container(0, FLOOR_Y - 36);
    figure.add(this.figure(colours[index % colours.length]!, skins[index % skins.length]!, index % 2 === 1));
    const name = this.text(0, FLOOR_Y + 1, s.name.split(' ')[0] ?? s.name, 12, p.text, true).setOrigin(0.5, 0);
    // Six stakeholders share the floor: a long name is shortened rather than run into the next.
    fitText(name, floorSlots(6)[1]! - floorSlots(6)[0]! - 4);
    const badge = this.scene.add.graphics();
    badge.setPosition(13, FLOOR_Y - 60);
    const bubble = this.scene.add.container(0, 0);
    box.add([figure, name, badge]);
    this.root.add([box, bubble]);
    box.setVisible(false);
    bubble.setVisible(false);
    return { box, figure, badge, bubble, look: '', present: false };
  }

  private showPeople(state: StageState, events: readonly StageEvent[]): void {
    const present = state.stakeholders.filter((s) => s.present);
    const slots = floorSlots(present.length);
    const arriving = new Set(events.filter((e) => e.kind === 'arrived').map((e) => e.stakeholderId));
    state.stakeholders.forEach((s, index) => {
      let person = this.people.get(s.id);
      if (!person) {
        person = this.makePerson(s, index);
        this.people.set(s.id, person);
      }
      const at = present.indexOf(s);
      if (at < 0) {
        this.leave(person);
        return;
      }
      const x = slots[at]!;
      const entering = !person.present;
      person.present = true;
      person.box.setVisible(true);
      if (!this.motion) person.box.setPosition(x, 0).setAlpha(1);
      else if (entering) {
        person.box.setPosition(DOOR_X + 10, 0).setAlpha(0);
        this.scene.tweens.add({ targets: person.box, x, alpha: 1, duration: 700, ease: 'Quad.easeOut' });
        this.scene.tweens.add({ targets: person.figure, y: FLOOR_Y - 39, duration: 120, yoyo: true, repeat: 2 });
      } else if (person.box.x !== x) this.scene.tweens.add({ targets: person.box, x, duration: 400, ease: 'Quad.easeOut' });

      const look = this.personLook(s);
      if (look !== person.look || entering) {
        const reacted = person.look.split('|')[0] !== s.mood && s.mood !== 'neutral';
        person.look = look;
        this.drawBadge(person, s);
        this.drawBubble(person, s, x);
        if (this.motion && (reacted || arriving.has(s.id))) {
          const delay = entering ? 650 : 0;
          person.badge.setScale(0);
          this.scene.tweens.add({ targets: person.badge, scale: 1, duration: 260, delay, ease: 'Back.easeOut' });
          if (person.bubble.visible) {
            person.bubble.setAlpha(0);
            this.scene.tweens.add({ targets: person.bubble, alpha: 1, duration: 220, delay });
          }
          if (reacted && !entering) this.scene.tweens.add({ targets: person.figure, y: FLOOR_Y - 44, duration: 160, yoyo: true, ease: 'Sine.easeOut' });
        }
      } else if (person.bubble.visible) this.drawBubble(person, s, x);
    });
  }

  private leave(person: Person): void {
    person.bubble.setVisible(false);
    if (!person.present) return;
    person.present = false;
    person.look = '';
    if (!this.motion) {
      person.box.setVisible(false);
      return;
    }
    this.scene.tweens.add({ targets: person.box, x: DOOR_X + 10, alpha: 0, duration: 600, ease: 'Quad.easeIn', onComplete: () => person.box.setVisible(false) });
  }

  /** A round face over the shoulder: a smile when pleased, a frown when worried. */
  private drawBadge(person: Person, s: StageStakeholder): void {
    const g = person.badge;
    g.clear();
    if (s.mood === 'neutral') return;
    const colour = s.mood === 'pleased' ? this.palette.green : this.palette.orange;
    g.fillStyle(colour, 1);
    g.fillCircle(0, 0, 10);
    g.fillStyle(this.palette.ink, 1);
    g.fillCircle(-3.5, -2.5, 1.6);
    g.fillCircle(3.5, -2.5, 1.6);
    g.lineStyle(2, this.palette.ink, 1);
    g.beginPath();
    if (s.mood === 'pleased') g.arc(0, 0, 5, 0.2 * Math.PI, 0.8 * Math.PI, false);
    else g.arc(0, 7, 5, 1.25 * Math.PI, 1.75 * Math.PI, false);
    g.strokePath();
  }

  /** Above the speaker's head, kept clear of the Developers, with its tail pointing at the speaker. */
  private drawBubble(person: Person, s: StageStakeholder, x: number): void {
    this.speech(person.bubble, s.says, x, TEAM.x + TEAM.width - 10, FLOOR.right, FLOOR_Y - 66);
  }

  /** A speech bubble in `bubble` saying `says`, its tail at `x`, kept between `left` and `right`, its bottom at `bottom`. */
  private speech(bubble: Container, says: string | null, x: number, minLeft: number, maxRight: number, bottom: number): void {
    bubble.removeAll(true);
    if (!says) {
      bubble.setVisible(false);
      return;
    }
    const words = this.text(10, 6, says, 13, this.palette.ink, true);
    words.setWordWrapWidth(BUBBLE_WRAP, true);
    clampLines(words, 2);
    const w = Math.min(BUBBLE_WRAP + 20, words.width + 20);
    const h = words.height + 12;
    const left = Math.max(minLeft, Math.min(x - w / 2, maxRight - w));
    const tx = Math.max(12, Math.min(w - 12, x - left));
    const g = this.scene.add.graphics();
    g.fillStyle(0xf5f7fa, 1);
    g.fillRoundedRect(0, 0, w, h, 10);
    g.fillTriangle(tx - 7, h - 1, tx + 7, h - 1, tx, h + 8);
    bubble.add([g, words]);
    bubble.setPosition(left, Math.max(2, bottom - h));
    bubble.setVisible(true);
  }

  /** The Developers raise something: a bubble over their desk, where the day's label was. */
  private showTeam(state: StageState): void {
    const says = state.team.says;
    const was = this.teamBubble.visible ? this.teamBubble.getData('says') : null;
    this.speech(this.teamBubble, says, TEAM.x + TEAM.width / 2, TEAM.x - 60, TEAM.x + TEAM.width + 160, 46);
    this.teamBubble.setData('says', says);
    this.label.setVisible(!says);
    if (says && says !== was && this.motion) {
      this.teamBubble.setAlpha(0);
      this.scene.tweens.add({ targets: this.teamBubble, alpha: 1, duration: 220 });
      this.nudge(1);
    }
  }
}

/** Shortens a one-line text with an ellipsis until it fits `width`. */
function fitText(text: Text, width: number): void {
  const full = text.text;
  if (text.width <= width) return;
  let n = full.length;
  while (n > 1 && text.width > width) text.setText(`${full.slice(0, --n).trimEnd()}…`);
}

/** Keeps a wrapped text to `lines` lines, ending the last with an ellipsis. */
function clampLines(text: Text, lines: number): void {
  const wrapped = text.getWrappedText(text.text);
  if (wrapped.length <= lines) return;
  const kept = wrapped.slice(0, lines);
  kept[lines - 1] = `${kept[lines - 1]!.replace(/\s*\S*$/, '')}…`;
  text.setWordWrapWidth(null).setText(kept.join('\n'));
}
