import type Phaser from '../phaser';
import type { Recommendation } from '../../assessment';
import { el } from '../dom/el';
import { sceneForPhase } from '../router';
import type { SessionStore } from '../session-store';
import { play } from '../sound';
import { openableScenarios, recommendOpenable } from '../view/recommendations';
import { confirmDialog, messageDialog } from './dialog';
import { statusBadge } from './status';

/** The recommendation for this player, among the scenarios they can open now. */
export function nextScenario(store: SessionStore): Recommendation | null {
  const { catalogue } = store;
  const started = store.saves().map((s) => s.scenarioId);
  const openable = openableScenarios(
    { scenarioIds: catalogue.scenarios.map((s) => s.scenario.id), campaigns: catalogue.campaigns.map((c) => c.campaign.scenarios) },
    store.completed(),
    started,
  );
  return recommendOpenable(
    store.knowledgeMap().map,
    catalogue.scenarios.map((s) => ({ id: s.scenario.id, title: s.scenario.title, targets: s.scenario.targets })),
    openable,
  );
}

/** Opens `scenarioId` as the campaign map would: continues a run in progress, else starts one (asking before it replaces a finished run). */
export async function openScenario(store: SessionStore, scene: Phaser.Scene, scenarioId: string): Promise<void> {
  const saved = store.saves().find((s) => s.scenarioId === scenarioId) ?? null;
  const title = store.findScenario(scenarioId)?.scenario.title ?? 'this scenario';
  if (saved?.status === 'ok' && !saved.save.summary?.done) {
    const opened = store.resume(scenarioId);
    if (opened.ok) return void scene.scene.start(sceneForPhase(opened.run.step.phase));
    play('error');
    return void messageDialog('This game cannot be continued', [opened.message]);
  }
  if (saved && !(await confirmDialog('Start a new run?', [`Your saved game of “${title}” will be replaced by the new run. Export it from the campaign map first if you want to keep it.`], 'Start a new run'))) return;
  const opened = store.start(scenarioId);
  if (!opened.ok) {
    play('error');
    return void messageDialog('The scenario cannot start', [opened.message]);
  }
  play('confirm');
  scene.scene.start(sceneForPhase(opened.run.step.phase));
}

/** The "Play next" block: the scenario, the gaps it targets and a button that opens it. */
export function nextScenarioBlock(store: SessionStore, scene: Phaser.Scene, recommendation: Recommendation | null, headingId = 'next-title'): HTMLElement {
  if (!recommendation)
    return el('section', { class: 'block', 'aria-labelledby': headingId }, el('h2', { class: 'block__title', id: headingId }, 'Play next'), el('p', { class: 'block__hint' }, 'No scenario is open to play yet: the campaign map shows what opens each one.'));
  const saved = store.saves().find((s) => s.scenarioId === recommendation.scenarioId);
  const inProgress = saved?.status === 'ok' && !saved.save.summary?.done;
  const button = el(
    'button',
    { type: 'button', class: 'btn btn--choice rec__open', 'data-focus': `next:${recommendation.scenarioId}`, 'data-scenario': recommendation.scenarioId },
    el('span', { class: 'btn__label' }, `${inProgress ? 'Continue' : recommendation.replay ? 'Play again' : 'Play'}: ${recommendation.title}`),
    el('span', { class: 'btn__detail' }, inProgress ? 'Your run in progress is kept' : 'Start it now'),
  );
  button.addEventListener('click', () => void openScenario(store, scene, recommendation.scenarioId));
  const gaps = recommendation.weakGoals;
  return el(
    'section',
    { class: 'block', 'aria-labelledby': headingId },
    el('h2', { class: 'block__title', id: headingId }, recommendation.replay ? 'Play again next' : 'Play next'),
    el('div', { class: 'choice-list' }, button),
    gaps.length
      ? el(
          'div',
          {},
          el('p', { class: 'block__hint' }, 'It works on these gaps of yours:'),
          el('ul', { class: 'bullets' }, ...gaps.slice(0, 3).map((g) => el('li', {}, statusBadge(g.status), ` ${g.title}`))),
          gaps.length > 3 ? el('p', { class: 'block__hint' }, `and ${gaps.length - 3} more.`) : null,
        )
      : el('p', { class: 'block__hint' }, 'It revisits goals you have shown, to make them more secure.'),
  );
}
