import type { Scenario } from '../../src/engine';
import { starterScenario } from './scenarios';

/** The starter scenario with every part-2 field filled in, for rule tests. */
export function richScenario(): Scenario {
  const base = starterScenario().scenario;
  return {
    ...base,
    id: 'corner-cafe-rich',
    visionFragments: [
      { id: 'who', text: 'For busy regulars on their way to work', kind: 'targetCustomer' },
      { id: 'need', text: 'who want their coffee without the queue', kind: 'need' },
      { id: 'unlike', text: 'unlike the chains, we know them by name', kind: 'differentiator' },
      { id: 'feature', text: 'with dark mode and gift cards', kind: 'feature' },
      { id: 'slogan', text: 'the best coffee experience ever', kind: 'vague' },
    ],
    personaSnippets: [
      { id: 'goal', text: 'Wants to be at her desk by 8:30', kind: 'goal' },
      { id: 'pain', text: 'Hates waiting behind tourists', kind: 'painPoint' },
      { id: 'habit', text: 'Orders the same flat white every day', kind: 'behaviour' },
      { id: 'ctx', text: 'Walks past the café from the station', kind: 'context' },
      { id: 'stereo', text: 'Young people only care about apps', kind: 'stereotype' },
    ],
    empathyNotes: [
      { id: 'n1', text: '"I just want it ready when I walk in"', quadrant: 'says' },
      { id: 'n2', text: 'Worries she will be late again', quadrant: 'feels' },
      { id: 'n3', text: 'Checks the queue through the window', quadrant: 'does' },
    ],
    segments: [
      { id: 'regulars', name: 'Regulars', kind: 'behavioural', buyer: true, user: true },
      { id: 'offices', name: 'Office managers', kind: 'needsBased', buyer: true, user: false },
    ],
    backlog: base.backlog.map((i) =>
      i.id === 'loyalty-stamps'
        ? { ...i, assumption: { text: 'Stamps bring regulars back more often', holds: false }, requestKind: 'competitor' as const, market: 'parity' as const, segments: ['regulars'] }
        : i.id === 'splash-screen'
          ? { ...i, servesVision: false, requestKind: 'habit' as const }
          : i.id === 'order-ahead'
            ? { ...i, market: 'differentiator' as const, segments: ['regulars'] }
            : i,
    ),
  };
}
