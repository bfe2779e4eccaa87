import { el, svg } from '../dom/el';
import { burnupSummary, distributionContext, distributionSummary, type Burnup, type Distribution, type Forecast } from '../view/forecast';
import { figure, points } from './charts';
import '../theme/views.css';

const MARKS = [
  { p: 'p50', label: '50%' },
  { p: 'p85', label: '85%' },
  { p: 'p95', label: '95%' },
] as const;

/**
 * The Monte Carlo behind a range forecast: how many simulated futures needed each number of
 * Sprints, with the 50%, 85% and 95% marks drawn as labelled lines of different dashes (so
 * neither colour nor line style alone carries them) and said in a sentence.
 */
export function forecastHistogram(d: Distribution, hideTitle = false): HTMLElement {
  const groups = new Map<number, string[]>();
  for (const m of MARKS) groups.set(d[m.p], [...(groups.get(d[m.p]) ?? []), m.label]);
  const W = 420;
  // One row of mark labels per distinct mark above the plot, then room for the bars' shares.
  const pad = { l: 12, r: 12, t: 14 + 14 * groups.size + 14, b: 30 };
  const H = pad.t + 110 + pad.b;
  const bins = Math.max(1, d.sprintsNeeded.length, d.p95);
  const slot = (W - pad.l - pad.r) / bins;
  const max = Math.max(1, ...d.sprintsNeeded);
  const base = H - pad.b;
  const h = (n: number) => ((base - pad.t) * n) / max;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart__svg' });
  chart.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: base, y2: base, class: 'chart__axis' }));
  const every = Math.ceil(bins / 12);
  for (let k = 0; k < bins; k++) {
    const n = d.sprintsNeeded[k] ?? 0;
    const x = pad.l + slot * k;
    if (n > 0) chart.append(svg('rect', { x: x + slot * 0.1, y: base - h(n), width: slot * 0.8, height: Math.max(1, h(n)), rx: 3, class: 'chart__bar chart__bar--mc' }));
    if (n > 0 && bins <= 12) chart.append(svg('text', { x: x + slot / 2, y: base - h(n) - 4, class: 'chart__value', 'text-anchor': 'middle' }, `${Math.round((100 * n) / d.trials)}%`));
    if ((k + 1) % every === 0 || k === 0) chart.append(svg('text', { x: x + slot / 2, y: H - 10, class: 'chart__tick', 'text-anchor': 'middle' }, String(k + 1)));
  }
  // A mark at p Sprints sits at the right edge of bar p: that many Sprints or fewer.
  [...groups].forEach(([sprints, labels], i) => {
    const x = pad.l + slot * sprints;
    const first = MARKS.find((m) => m.label === labels[0])!;
    const y = 14 + 14 * i;
    chart.append(svg('line', { x1: x, x2: x, y1: y + 4, y2: base, class: `chart__mark chart__mark--${first.label.replace('%', '')}` }));
    const anchor = x > W - 90 ? 'end' : x < 90 ? 'start' : 'middle';
    chart.append(svg('text', { x: anchor === 'end' ? x - 4 : anchor === 'start' ? x + 4 : x, y, class: 'chart__mark-label', 'text-anchor': anchor }, `${labels.join(' · ')} within ${sprints}`));
  });
  const legend = el(
    'p',
    { class: 'chart__legend', 'aria-hidden': 'true' },
    el('span', {}, 'Bars: simulated futures needing that many more Sprints'),
    el('span', {}, 'Lines: the share finished by then'),
  );
  const fig = figure('Monte Carlo forecast: Sprints needed', `${distributionContext(d)} ${distributionSummary(d)}`, chart, 'chart--histogram', hideTitle);
  fig.insertBefore(legend, fig.querySelector('.chart__summary'));
  return fig;
}

/**
 * A release burn-up: points Done by the end of each Sprint, the scope as the backlog
 * stands today, and the forecast's range of Sprints as a labelled band.
 */
export function burnupChart(b: Burnup, sprints: number, forecast: Forecast | null, hideTitle = false): HTMLElement {
  const W = 420;
  const H = 200;
  const pad = { l: 36, r: 14, t: 26, b: 28 };
  const last = b.done.length - 1;
  const end = Math.max(sprints, last, forecast ? forecast.sprint + forecast.high : 0, 1);
  const top = Math.max(1, b.scope, ...b.done) * 1.08;
  const x = (s: number) => pad.l + ((W - pad.l - pad.r) * s) / end;
  const y = (v: number) => H - pad.b - ((H - pad.t - pad.b) * v) / top;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart__svg' });
  const every = Math.ceil(end / 10);
  for (let s = 0; s <= end; s++) {
    chart.append(svg('line', { x1: x(s), x2: x(s), y1: pad.t, y2: H - pad.b, class: 'chart__grid' }));
    if (s % every === 0) chart.append(svg('text', { x: x(s), y: H - 9, class: 'chart__tick', 'text-anchor': 'middle' }, s === 0 ? 'Start' : `S${s}`));
  }
  chart.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: y(0), y2: y(0), class: 'chart__axis' }));
  chart.append(svg('text', { x: pad.l - 6, y: y(0) + 4, class: 'chart__tick', 'text-anchor': 'end' }, '0'));
  chart.append(svg('text', { x: pad.l - 6, y: y(b.scope) + 4, class: 'chart__tick', 'text-anchor': 'end' }, points(b.scope)));

  if (forecast) {
    const x1 = x(forecast.sprint + forecast.low);
    const x2 = x(forecast.sprint + forecast.high);
    const range = forecast.low === forecast.high ? `S${forecast.sprint + forecast.low}` : `S${forecast.sprint + forecast.low}–S${forecast.sprint + forecast.high}`;
    const label = `${forecast.style === 'date' ? 'Your date' : 'Forecast'}: ${range}`;
    chart.append(svg('rect', { x: Math.min(x1, x2) - (x1 === x2 ? 3 : 0), y: pad.t, width: Math.max(6, Math.abs(x2 - x1)), height: H - pad.t - pad.b, class: 'chart__range' }));
    chart.append(svg('text', { x: Math.min(W - pad.r, Math.max(pad.l, (x1 + x2) / 2)), y: pad.t - 8, class: 'chart__range-label', 'text-anchor': x2 > W - 80 ? 'end' : 'middle' }, label));
  }
  chart.append(svg('line', { x1: x(0), x2: x(end), y1: y(b.scope), y2: y(b.scope), class: 'chart__scope' }));
  let path = '';
  b.done.forEach((v, s) => {
    path += `${s === 0 ? 'M' : ' L'} ${x(s)} ${y(v)}`;
  });
  chart.append(svg('path', { d: path, class: 'chart__done' }));
  for (let s = 1; s <= last; s++) chart.append(svg('circle', { cx: x(s), cy: y(b.done[s]!), r: 4, class: 'chart__done-dot' }));

  const legend = el(
    'p',
    { class: 'chart__legend', 'aria-hidden': 'true' },
    el('span', { class: 'legend legend--done' }, 'Points Done'),
    el('span', { class: 'legend legend--scope' }, 'Scope today'),
    forecast ? el('span', { class: 'legend legend--range' }, 'Forecast range') : null,
  );
  const fig = figure('Release burn-up', burnupSummary(b, forecast), chart, 'chart--burnup', hideTitle);
  fig.insertBefore(legend, fig.querySelector('.chart__summary'));
  return fig;
}
