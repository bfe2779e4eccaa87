import Phaser from '../phaser';
import { DOMAINS, GOALS, TOPICS, masteryFromMap, rollupDomains, type GoalMastery } from '../../assessment';
import { partlyReasonFromMastery } from '../../assessment/partly-reason';
import { drawBackdrop } from '../art/backdrop';
import { el } from '../dom/el';
import { mountPanel } from '../dom/overlay';
import { prefersReducedMotion } from '../motion';
import { setLayout } from '../layout';
import { markSceneReady } from '../ready';
import { sceneForPhase } from '../router';
import { getStore } from '../session-store';
import { readPalette } from '../theme/palette';
import '../theme/debrief.css';
import { focusHeading } from '../ui/focus';
import { nextScenario, nextScenarioBlock } from '../ui/next-scenario';
import { page, toolButton } from '../ui/page';
import { openSettings } from '../ui/settings-dialog';
import { STATUS, statusBadge, statusLegend } from '../ui/status';
import { SceneKey } from './keys';

/** The knowledge map: all 65 goals by domain and topic, across every finished run, and what to play next. */
export class KnowledgeMap extends Phaser.Scene {
  private readonly store = getStore();

  constructor() {
    super(SceneKey.KnowledgeMap);
  }

  create(): void {
    setLayout('top');
    const palette = readPalette();
    drawBackdrop(this, palette, { accent: palette.green, motion: !prefersReducedMotion() });
    const root = mountPanel(this, el('div', { class: 'panel-root' }, this.render()));
    focusHeading(root);
    markSceneReady(this, SceneKey.KnowledgeMap);
  }

  private back(): void {
    const run = this.store.run;
    this.scene.start(run ? sceneForPhase(run.step.phase) : SceneKey.CampaignMap);
  }

  private render(): HTMLElement {
    const { map, problem } = this.store.knowledgeMap();
    const mastery = masteryFromMap(map);
    const byGoal = new Map<string, GoalMastery>(mastery.map((m) => [m.goalId, m]));
    const domains = rollupDomains(mastery);
    const counts = { shown: 0, partly: 0, missed: 0, notSeen: 0 };
    for (const m of mastery) counts[m.status] += 1;
    // Only a scenario the player can open now: the recommendation is a button that starts it.
    const recommendation = nextScenario(this.store);

    const grid = el(
      'div',
      { class: 'kmap' },
      ...DOMAINS.map((d) => {
        const roll = domains.find((r) => r.domainId === d.id);
        return el(
          'section',
          { class: 'kmap__domain', 'aria-labelledby': `kd-${d.id}` },
          el('h2', { class: 'kmap__title', id: `kd-${d.id}` }, el('span', { class: 'kmap__num' }, `Domain ${d.domain}`), ` ${d.title} `, roll ? statusBadge(roll.status) : null),
          el(
            'div',
            { class: 'kmap__topics' },
            ...TOPICS.filter((t) => t.domain === d.domain).map((t) =>
              el(
                'div',
                { class: 'kmap__topic' },
                el('h3', { class: 'kmap__topic-title' }, t.title),
                el(
                  'ul',
                  { class: 'kmap__goals' },
                  ...t.goalIds.map((id) => {
                    const m = byGoal.get(id);
                    const status = m?.status ?? 'notSeen';
                    const goal = GOALS.find((g) => g.id === id);
                    const why = m && status === 'partly' ? ` (${partlyReasonFromMastery(m).label.toLowerCase()})` : '';
                    return el(
                      'li',
                      { class: `kchip kchip--${status}`, title: `${id} ${goal?.title ?? ''}: ${STATUS[status].word}${why}` },
                      el('span', { class: 'kchip__symbol', 'aria-hidden': 'true' }, STATUS[status].symbol),
                      el('span', { class: 'kchip__id', 'aria-hidden': 'true' }, id.slice(1)),
                      el('span', { class: 'visually-hidden' }, `${id} ${goal?.title ?? ''}: ${STATUS[status].word}${why}`),
                    );
                  }),
                ),
              ),
            ),
          ),
        );
      }),
    );

    const side = [
      el(
        'section',
        { class: 'block', 'aria-labelledby': 'kcount-title' },
        el('h2', { class: 'block__title', id: 'kcount-title' }, `Across ${map.runs.length} finished run${map.runs.length === 1 ? '' : 's'}`),
        el('ul', { class: 'kcounts' }, ...(['shown', 'partly', 'missed', 'notSeen'] as const).map((s) => el('li', {}, statusBadge(s), el('strong', {}, ` ${counts[s]}`), ' goals'))),
        problem ? el('p', { class: 'notice notice--warning' }, problem) : null,
      ),
      nextScenarioBlock(this.store, this, recommendation),
      this.partlyWhy(mastery),
      el('section', { class: 'block', 'aria-labelledby': 'legend-title' }, el('h2', { class: 'block__title', id: 'legend-title' }, 'Legend'), statusLegend(), el('p', { class: 'block__hint' }, 'A goal no run has tested is “not yet seen”, never a zero.')),
    ];

    return page({
      key: 'knowledge',
      title: 'Your knowledge map',
      lead: 'The 65 learning goals of the Certified Scrum Product Owner course, and how your decisions showed them.',
      tools: [toolButton('Back', '←', () => this.back(), 'tool:back'), toolButton('Settings', '⚙', openSettings, 'tool:settings')],
      main: [grid],
      side,
      sideLabel: 'Summary and next scenario',
    });
  }

  /** Why the partly shown goals are only partly shown: judged once, too few to be sure, or mixed. */
  private partlyWhy(mastery: readonly GoalMastery[]): HTMLElement | null {
    const partly = mastery.filter((m) => m.status === 'partly');
    if (partly.length === 0) return null;
    return el(
      'section',
      { class: 'block', 'aria-labelledby': 'partly-title' },
      el('h2', { class: 'block__title', id: 'partly-title' }, 'Why some goals are only partly shown'),
      el(
        'details',
        { class: 'partly-why' },
        el('summary', {}, `${partly.length} partly shown ${partly.length === 1 ? 'goal' : 'goals'}, each with its reason`),
        el(
          'ul',
          { class: 'partly-why__list' },
          ...partly.map((m) => {
            const why = partlyReasonFromMastery(m);
            return el('li', { class: 'partly-why__item', 'data-reason': why.kind }, el('strong', {}, `${GOALS.find((g) => g.id === m.goalId)?.title ?? m.goalId}: `), why.text);
          }),
        ),
      ),
    );
  }
}
