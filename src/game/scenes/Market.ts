import type { Observation } from '../../engine';
import type { RunView } from '../session-store';
import { el } from '../dom/el';
import { actionButton, listedOf } from '../ui/actions';
import { typeBadge } from '../ui/items';
import { block, poTimeText, screen } from '../ui/screen';
import { marketRows, marketSummary, POSITIONS, type MarketRow, type Position } from '../view/market';
import { ViewScene } from './view-scene';
import { SceneKey } from './keys';

function positionCell(position: Position | null): HTMLElement {
  if (!position) return el('span', { class: 'position position--unknown' }, el('span', { 'aria-hidden': 'true' }, '? '), 'Not known yet');
  const p = POSITIONS[position];
  return el('span', { class: `position position--${position}` }, el('span', { 'aria-hidden': 'true' }, `${p.symbol} `), p.word);
}

/**
 * The market and the competition: what market analysis revealed about each backlog item, as a
 * comparison table with a summary in words, and the analysis techniques the engine offers now.
 */
export class Market extends ViewScene {
  constructor() {
    super(SceneKey.Market);
  }

  protected override accent(): number {
    return this.palette.green;
  }

  protected override focusFallbacks(run: RunView): string[] {
    const next = listedOf(run.step, 'analyseMarket')[0];
    return [next ? `market:${next.id}` : '', 'view:back'];
  }

  protected describeChange(before: Observation, after: Observation): string | null {
    const was = new Map(marketRows(before).map((r) => [r.item.id, r.position]));
    const placed = marketRows(after).filter((r) => r.position && !was.get(r.item.id));
    if (!placed.length) return null;
    return `Newly placed against the competition: ${placed.map((r) => `${r.item.title}, ${POSITIONS[r.position!].word.toLowerCase()}`).join('; ')}.`;
  }

  protected renderView(run: RunView): HTMLElement {
    const { step } = run;
    const o = step.observation;
    const rows = marketRows(o);
    const analyses = listedOf(step, 'analyseMarket');

    const known = rows.some((r) => r.position);
    const main = [
      this.resultLine(),
      el('p', { class: 'market-summary', id: 'market-summary' }, marketSummary(o, rows)),
      // A table of unknowns says nothing: until an analysis places items, say what would.
      known
        ? block('Feature comparison', 'comparison-title', this.table(rows))
        : el(
            'p',
            { class: 'notice', role: 'note' },
            analyses.length
              ? 'Run a market analysis (listed beside this) to see which items set the product apart, which match competitors and which close a gap. Each takes half a day of your time.'
              : 'A market analysis reveals this. None is open now: analyses take half a day of your time, before Sprint 1, in Sprint Planning or during the Sprint’s days.',
          ),
    ];

    const side = [
      block(
        'Run a market analysis',
        'analyse-title',
        el('p', { class: 'block__hint' }, el('strong', {}, poTimeText(o))),
        analyses.length
          ? el('div', { class: 'choice-list' }, ...analyses.map((a) => actionButton(a, this.dispatch, { variant: 'choice', focusKey: `market:${a.id}` })))
          : el('p', { class: 'block__hint' }, 'No analysis is open now. Each takes half a day of your time, before Sprint 1, in Sprint Planning or during the Sprint’s days, only where the product has competitors to compare, and each technique runs once.'),
        el(
          'p',
          { class: 'block__hint' },
          'A feature comparison sets the product’s features beside its competitors’; a SWOT weighs its strengths and weaknesses against the market’s opportunities and threats; a positioning map shows where it stands apart on what customers care about.',
        ),
      ),
      o.insights.length ? block('What you have learned', 'insights-title', el('ul', { class: 'bullets' }, ...o.insights.map((i) => el('li', {}, i)))) : null,
      this.backBar(run),
    ];

    return screen({
      key: 'market',
      run,
      title: 'Market and competitors',
      lead: 'Where each item stands against the competition: build on what sets the product apart, close the gaps that cost customers.',
      main,
      side,
      sideLabel: 'Market analysis and what you learned',
      tools: this.tools(run),
    });
  }

  private table(rows: readonly MarketRow[]): HTMLElement {
    return el(
      'table',
      { class: 'market-table', 'aria-describedby': 'market-summary' },
      el('caption', {}, 'Each item you can see, against what competitors offer. ', ...(Object.keys(POSITIONS) as Position[]).map((p) => el('span', {}, `${POSITIONS[p].symbol} ${POSITIONS[p].word}: ${POSITIONS[p].meaning}. `))),
      el(
        'thead',
        {},
        el('tr', {}, el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col' }, 'Against competitors'), el('th', { scope: 'col' }, 'Where it is'), el('th', { scope: 'col', class: 'num' }, 'Points'), el('th', { scope: 'col', class: 'num' }, 'Value')),
      ),
      el(
        'tbody',
        {},
        ...rows.map((r) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, typeBadge(r.item.type), ' ', r.item.title),
            el('td', {}, positionCell(r.position)),
            el('td', {}, r.where),
            el('td', { class: 'num' }, String(r.item.estimate)),
            el('td', { class: 'num' }, String(r.item.statedValue)),
          ),
        ),
      ),
    );
  }
}
