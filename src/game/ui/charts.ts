import { el, svg } from '../dom/el';
import { burndownMax, burndownSummary, type SprintTrack } from '../view/burndown';
import { count } from '../../words';

let chartCount = 0;

/** Points as people say them: one decimal at most. */
export function points(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A chart as a figure: its title, the SVG as one image, and a summary in words that names it. */
export function figure(title: string, summary: string, chart: SVGSVGElement, className: string, hideTitle = false): HTMLElement {
  const id = `chart-${++chartCount}`;
  chart.setAttribute('role', 'img');
  chart.setAttribute('aria-labelledby', `${id}-title ${id}-summary`);
  return el(
    'figure',
    { class: `chart ${className}` },
    el('figcaption', { class: hideTitle ? 'visually-hidden' : 'chart__title', id: `${id}-title` }, title),
    chart,
    el('p', { class: 'chart__summary', id: `${id}-summary` }, summary),
  );
}

/**
 * A Sprint burndown: points not Done per day against a straight line to zero, the points in the
 * Sprint Backlog when the Developers pulled more in, and event days. The scale runs to the
 * largest figure of the Sprint, so no line leaves it.
 */
export function burndownChart(track: SprintTrack | null, days: number, hideTitle = false): HTMLElement {
  const W = 420;
  const H = 190;
  const pad = { l: 34, r: 12, t: 12, b: 28 };
  const max = track ? burndownMax(track) : 1;
  const x = (day: number) => pad.l + ((W - pad.l - pad.r) * day) / Math.max(1, days);
  const y = (value: number) => pad.t + (H - pad.t - pad.b) * (1 - value / max);
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart__svg', preserveAspectRatio: 'xMidYMid meet' });

  for (let d = 0; d <= days; d++) {
    chart.append(svg('line', { x1: x(d), x2: x(d), y1: pad.t, y2: H - pad.b, class: 'chart__grid' }));
    chart.append(svg('text', { x: x(d), y: H - 8, class: 'chart__tick', 'text-anchor': 'middle' }, d === 0 ? 'Start' : `D${d}`));
  }
  chart.append(svg('text', { x: pad.l - 6, y: y(max) + 4, class: 'chart__tick', 'text-anchor': 'end' }, points(track ? max : 0)));
  // The size at the start gets its own tick when the Sprint Backlog grew past it.
  if (track && track.start < max && y(track.start) - y(max) > 14) chart.append(svg('text', { x: pad.l - 6, y: y(track.start) + 4, class: 'chart__tick', 'text-anchor': 'end' }, points(track.start)));
  chart.append(svg('text', { x: pad.l - 6, y: y(0) + 4, class: 'chart__tick', 'text-anchor': 'end' }, '0'));
  const start = track?.start ?? max;
  chart.append(svg('line', { x1: x(0), y1: y(start), x2: x(days), y2: y(0), class: 'chart__ideal' }));

  const steps = (values: { day: number; value: number }[]) =>
    values.reduce((path, p, i) => path + (i === 0 ? `M ${x(p.day)} ${y(p.value)}` : ` H ${x(p.day)} V ${y(p.value)}`), '');
  const grew = track ? track.points.some((p) => p.scope > track.start) : false;
  if (track) {
    for (const d of track.eventDays) chart.append(svg('path', { d: `M ${x(d)} ${H - pad.b - 7} l 6 6 l -6 6 l -6 -6 z`, class: 'chart__event' }));
    if (grew) chart.append(svg('path', { d: steps(track.points.map((p) => ({ day: p.day, value: p.scope }))), class: 'chart__sprint-scope' }));
    const pts = track.points;
    chart.append(svg('path', { d: steps(pts.map((p) => ({ day: p.day, value: p.remaining }))), class: 'chart__actual' }));
    for (const p of pts) chart.append(svg('circle', { cx: x(p.day), cy: y(p.remaining), r: 4, class: 'chart__dot' }));
  }
  const summary = track ? burndownSummary(track, days) : 'The burndown starts when the Sprint starts.';
  const legend = el(
    'p',
    { class: 'chart__legend', 'aria-hidden': 'true' },
    el('span', { class: 'legend legend--actual' }, 'Not Done'),
    grew ? el('span', { class: 'legend legend--sprint-scope' }, 'In the Sprint Backlog') : null,
    el('span', { class: 'legend legend--ideal' }, 'Straight line to zero'),
    el('span', { class: 'legend legend--event' }, 'Event day'),
  );
  const fig = figure('Sprint burndown', summary, chart, 'chart--burndown', hideTitle);
  fig.insertBefore(legend, fig.querySelector('.chart__summary'));
  return fig;
}

/** Velocity per past Sprint as labelled bars, and the forecast the Developers make from it. */
export function velocityChart(history: readonly number[], forecast: number | null, hideTitle = false): HTMLElement {
  const W = 360;
  const H = 120;
  const pad = { l: 10, r: 10, t: 20, b: 26 };
  const max = Math.max(1, forecast ?? 0, ...history);
  const n = Math.max(1, history.length + (forecast !== null ? 1 : 0));
  const slot = (W - pad.l - pad.r) / n;
  const bar = Math.min(56, slot * 0.6);
  const h = (v: number) => ((H - pad.t - pad.b) * v) / max;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart__svg' });
  chart.append(svg('line', { x1: pad.l, x2: W - pad.r, y1: H - pad.b, y2: H - pad.b, class: 'chart__axis' }));
  history.forEach((v, i) => {
    const cx = pad.l + slot * (i + 0.5);
    chart.append(svg('rect', { x: cx - bar / 2, y: H - pad.b - h(v), width: bar, height: Math.max(1, h(v)), rx: 4, class: 'chart__bar' }));
    chart.append(svg('text', { x: cx, y: H - pad.b - h(v) - 5, class: 'chart__value', 'text-anchor': 'middle' }, points(v)));
    chart.append(svg('text', { x: cx, y: H - 8, class: 'chart__tick', 'text-anchor': 'middle' }, `Sprint ${i + 1}`));
  });
  if (forecast !== null) {
    const cx = pad.l + slot * (history.length + 0.5);
    chart.append(svg('rect', { x: cx - bar / 2, y: H - pad.b - h(forecast), width: bar, height: Math.max(1, h(forecast)), rx: 4, class: 'chart__bar chart__bar--forecast' }));
    chart.append(svg('text', { x: cx, y: H - pad.b - h(forecast) - 5, class: 'chart__value', 'text-anchor': 'middle' }, points(forecast)));
    chart.append(svg('text', { x: cx, y: H - 8, class: 'chart__tick', 'text-anchor': 'middle' }, 'Forecast'));
  }
  const avg = history.length ? Math.round((history.reduce((a, b) => a + b, 0) / history.length) * 10) / 10 : null;
  const summary =
    history.length === 0
      ? `No Sprint finished yet, so there is no velocity history.${forecast !== null ? ` The Developers forecast ${count(forecast, 'point')} from their capacity.` : ''}`
      : `Velocity of past Sprints: ${history.map(points).join(', ')} points (average ${avg}).${forecast !== null ? ` The Developers forecast ${count(forecast, 'point')}.` : ''}`;
  return figure('Velocity history', summary, chart, 'chart--velocity', hideTitle);
}
