import { el, svg } from '../dom/el';
import { burnupSummary, cumulativeShares, distributionContext, distributionSummary, type Burnup, type Distribution, type Forecast } from '../view/forecast';
import { figure, points } from './charts';
import '../theme/views.css';

const MARKS = [
  { p: 'p50', share: 50 },
  { p: 'p85', share: 85 },
  { p: 'p95', share: 95 },
] as const;

/**
 * The Monte Carlo behind a range forecast: for each number of Sprints, the share of simulated
 * futures finished by then (the same numbers the sentence says), with the 50%, 85% and 95% marks
 * drawn as lines of different dashes across the bars and labelled in their own column, so no
 * label can sit on another and neither colour nor line style alone carries a mark.
 */
export function forecastHistogram(d: Distribution, hideTitle = false): HTMLElement {
  const shares = cumulativeShares(d);
  const W = 420;
  const pad = { l: 12, r: 44, t: 22, b: 30 };
  const plot = 160;
  const H = pad.t + plot + pad.b;
  const bins = Math.max(1, shares.length);
  const slot = (W - pad.l - pad.r) / bins;
  const base = H - pad.b;
  const y = (share: number) => base - (plot * share) / 100;
  // Each bar's share above it, where there is room for "100%"; the marks' bars always.
  const marked = new Set(MARKS.map((m) => d[m.p]));
  const labelled = (k: number) => slot >= 34 || marked.has(k + 1);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart__svg' });
  chart.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: base, y2: base, class: 'chart__axis' }));
  // A mark is the share line: the first bar that reaches it is where that share of futures is done.
  // Drawn first, so the bars' labels sit on top of it and stay readable.
  for (const m of MARKS) {
    chart.append(svg('line', { x1: pad.l, x2: W - pad.r + 2, y1: y(m.share), y2: y(m.share), class: `chart__mark chart__mark--${m.share}` }));
    chart.append(svg('text', { x: W - pad.r + 6, y: y(m.share) + 4, class: 'chart__mark-label', 'text-anchor': 'start' }, `${m.share}%`));
  }
  const every = Math.ceil(bins / 12);
  shares.forEach((share, k) => {
    const x = pad.l + slot * k;
    if (share > 0) {
      chart.append(svg('rect', { x: x + slot * 0.1, y: y(share), width: slot * 0.8, height: Math.max(1, base - y(share)), rx: 3, class: 'chart__bar chart__bar--mc', 'data-sprints': k + 1, 'data-share': share }));
      if (labelled(k)) chart.append(svg('text', { x: x + slot / 2, y: y(share) - 5, class: 'chart__value', 'text-anchor': 'middle' }, `${share}%`));
    }
    if ((k + 1) % every === 0 || k === 0) chart.append(svg('text', { x: x + slot / 2, y: H - 10, class: 'chart__tick', 'text-anchor': 'middle' }, String(k + 1)));
  });
  const legend = el(
    'p',
    { class: 'chart__legend', 'aria-hidden': 'true' },
    el('span', {}, 'Bars: share of simulated futures finished within that many more Sprints'),
    el('span', {}, 'Lines: 50%, 85% and 95% of futures'),
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
