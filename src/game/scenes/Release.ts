import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf, otherActions } from '../ui/actions';
import { burnupChart, forecastHistogram } from '../ui/forecast-charts';
import { releasesList } from '../ui/history';
import { burnup, latestDistribution } from '../view/forecast';
import { itemRow } from '../ui/items';
import { block, facts, screen } from '../ui/screen';
import { RunScene } from './run-scene';
import { SceneKey } from './keys';

const HANDLED = new Set(['releaseIncrement', 'finishScenario']);

/** The end of the last Sprint: release any Done work not yet in users' hands, then finish. */
export class Release extends RunScene {
  constructor() {
    super(SceneKey.Release);
  }

  protected override accent(): number {
    return this.palette.sky;
  }

  protected render(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const release = listedOf(step, 'releaseIncrement')[0];
    const finish = listedOf(step, 'finishScenario')[0];
    const released = o.increment.filter((i) => i.released).length;
    const waiting = o.increment.length - released;
    const open = o.forecasts.filter((f) => !f.judged);
    const judged = o.forecasts.filter((f) => f.judged);
    const simulated = latestDistribution(o);
    const lastForecast = simulated ?? o.forecasts[o.forecasts.length - 1] ?? null;

    const main = [
      block(
        'Progress and the forecast',
        'forecast-title',
        el(
          'div',
          { class: 'forecast-charts' },
          burnupChart(burnup(o), o.sprints, lastForecast),
          simulated
            ? forecastHistogram(simulated.distribution)
            : el('p', { class: 'block__hint' }, 'You gave no range forecast, so there is no simulation of the Sprints needed to show.'),
        ),
      ),
      block(
        'The Increment',
        'increment-title',
        o.increment.length
          ? el('ul', { class: 'item-rows' }, ...o.increment.map((i) => itemRow(i, o)))
          : el('p', {}, 'Nothing met the Definition of Done in these Sprints, so the Increment is empty.'),
      ),
      o.releases.length ? block('Releases so far', 'releases-title', releasesList(o)) : null,
      otherActions(step, HANDLED, this.dispatch),
    ];

    const side = [
      block(
        'In numbers',
        'numbers-title',
        facts([
          ['Done items in the Increment', String(o.increment.length)],
          ['Released to users', `${released} of ${o.increment.length}`],
          ['Sprints played', `${o.sprint} of ${o.sprints}`],
          // The last Sprint is over: no forecast can be judged any more, so say how they went.
          ...(judged.length ? [['Forecasts that held', `${judged.filter((f) => f.hit).length} of ${judged.length}`] as [string, string]] : []),
        ]),
        open.length
          ? el('p', { class: 'block__hint' }, open.length === 1 ? '1 forecast looked beyond the last Sprint, so it could not be checked.' : `${open.length} forecasts looked beyond the last Sprint, so they could not be checked.`)
          : null,
      ),
      block(
        'Release',
        'release-title',
        release
          ? el(
              'div',
              {},
              el('p', { class: 'block__hint' }, `${waiting} Done ${waiting === 1 ? 'item has' : 'items have'} not reached users yet. Released work realises its value and brings back usage figures.`),
              actionButton(release, this.dispatch, { variant: 'secondary', text: 'Release the Done work now', focusKey: 'action:releaseIncrement' }),
            )
          : el('p', { class: 'block__hint' }, o.increment.length ? 'Every Done item is in users’ hands.' : 'There is no Done work to release.'),
      ),
      el('div', { class: 'primary-bar' }, finish ? actionButton(finish, this.dispatch, { variant: 'primary', text: 'Finish and see the debrief →' }) : null),
    ];

    return screen({
      key: 'release',
      run,
      title: 'Release',
      lead: 'The last Sprint is over. Release any Done work that has not reached users, then see how you did.',
      main,
      side,
      sideLabel: 'Release and finish',
      tools: this.tools(run),
    });
  }
}
