/**
 * The jargon the screens use, defined in plain words: our own, true to the 2020 Scrum Guide,
 * and saying so where a term is a common practice or a rule of this game rather than Scrum.
 * Pure data: the glossary panel lists it and tooltips on the screens quote it.
 */

export interface GlossaryEntry {
  /** How the screens write the term. */
  readonly term: string;
  readonly definition: string;
  /** Where the term comes from, when it is not the Scrum Guide. */
  readonly source?: 'practice' | 'game';
}

export const GLOSSARY = [
  {
    term: 'Product Goal',
    definition:
      'The long-term objective of the Scrum Team: one future state of the product that the team plans against. It belongs to the Product Backlog, and the team fulfils or abandons one before taking on the next.',
  },
  {
    term: 'Sprint Goal',
    definition:
      'The single objective of a Sprint, crafted by the whole Scrum Team in Sprint Planning. It gives the Developers focus while leaving them room in exactly which work delivers it.',
  },
  {
    term: 'Product Backlog',
    definition:
      'The ordered list of everything known to be needed to improve the product, and the single source of work for the Scrum Team. The Product Owner is accountable for what is in it and for its order.',
  },
  {
    term: 'Sprint Backlog',
    definition: 'The Sprint Goal, the Product Backlog items chosen for the Sprint and the Developers’ plan for delivering them. It belongs to the Developers.',
  },
  {
    term: 'Increment',
    definition:
      'A usable step toward the Product Goal. Work becomes part of an Increment only once it meets the Definition of Done; each Increment adds to every one before it.',
  },
  {
    term: 'Definition of Done',
    definition:
      'The shared description of the quality every Increment must have. An item that does not meet it is not Done: it cannot be released, or even presented at the Sprint Review.',
  },
  {
    term: 'Definition of Done strength',
    source: 'game',
    definition:
      'How demanding the team’s Definition of Done is, from 0 to 3. A stronger one costs more work per item and lets less hidden rework and technical debt through to users.',
  },
  {
    term: 'Definition of Ready',
    source: 'practice',
    definition:
      'Not part of Scrum: an optional agreement on when an item is clear enough to take into a Sprint. Too strict, and little gets in; none at all, and unclear work enters Sprints and stops the Developers.',
  },
  {
    term: 'Refinement',
    definition:
      'The ongoing work of breaking Product Backlog items down and adding detail, order and size, so they are ready to be chosen at Sprint Planning. The Developers who will do the work size it.',
  },
  {
    term: 'Acceptance criteria',
    source: 'practice',
    definition:
      'The conditions one item must meet to do what was asked, agreed with the Developers so the item can be tested. The Definition of Done, by contrast, applies to every item.',
  },
  {
    term: 'INVEST',
    source: 'practice',
    definition: 'A checklist for a good Product Backlog item: Independent, Negotiable, Valuable, Estimable, Small and Testable.',
  },
  {
    term: 'Points',
    source: 'practice',
    definition: 'The size the Developers give an item, relative to other items rather than in hours. Only the Developers who do the work size it.',
  },
  {
    term: 'Velocity',
    source: 'practice',
    definition:
      'Not a Scrum Guide term: the points of work the Developers got Done in a Sprint. Past velocity helps forecast the next Sprints; it is not a target, and only Done work counts.',
  },
  {
    term: 'Forecast',
    definition:
      'What the Developers expect to get Done, or when the Product Backlog might be delivered, based on what has happened so far. A forecast is not a promise: a range with its confidence says how uncertain it is.',
  },
  {
    term: 'Monte Carlo forecast',
    source: 'practice',
    definition:
      'A forecast made by replaying past Sprints’ velocity at random thousands of times. It gives a range of Sprints with a confidence for each, rather than a single date.',
  },
  {
    term: 'Cost of delay',
    source: 'practice',
    definition:
      'What waiting costs: the value lost for each Sprint an item is not in users’ hands. Here an item’s cost of delay is standard, urgent (its value falls fast), a fixed date (worth little after a deadline) or intangible.',
  },
  {
    term: 'Intangible',
    source: 'practice',
    definition:
      'A cost of delay you cannot see yet: nothing is lost this Sprint, but putting the item off lets risk or debt build up until it costs a lot. Typical of technical work and learning.',
  },
  {
    term: 'MoSCoW',
    source: 'practice',
    definition:
      'A way to agree a release’s scope: each item is a Must have, Should have, Could have or Won’t have this time. Not part of Scrum; it says in advance what can be left out if time runs short.',
  },
  {
    term: 'Technical debt',
    source: 'practice',
    definition:
      'Shortcuts in the product’s code and design that make every later change slower and riskier. Paying it down takes capacity now and gives speed back in later Sprints.',
  },
  {
    term: 'Sprint Review',
    definition:
      'The event where the Scrum Team shows stakeholders what was done and, together, they decide what to do next and adapt the Product Backlog. A working session, not a presentation or a sign-off.',
  },
  {
    term: 'Sprint Retrospective',
    definition: 'The event that ends a Sprint: the Scrum Team inspects how the Sprint went for people, ways of working and the Definition of Done, and picks improvements to make.',
  },
  {
    term: 'Stakeholder map',
    source: 'practice',
    definition:
      'A grid of stakeholders by influence and interest: manage closely, keep satisfied, keep informed or monitor. It suggests how much attention each one needs from the Product Owner.',
  },
  {
    term: 'Trust',
    source: 'game',
    definition: 'How much a stakeholder believes what you tell them, from 0 to 100. Honest forecasts and delivered value raise it; surprises and broken promises lower it.',
  },
  {
    term: 'Morale',
    source: 'game',
    definition: 'How the Developers feel about their work, from 0 to 100. Overruling their forecast lowers it; a sustainable pace and goals they believe in keep it up.',
  },
] as const satisfies readonly GlossaryEntry[];

export type GlossaryTerm = (typeof GLOSSARY)[number]['term'];

/** The definition of a term; the type lets only terms that are in the glossary be asked for. */
export function definitionOf(term: GlossaryTerm): string {
  return GLOSSARY.find((e) => e.term === term)!.definition;
}

/** "practice": a common practice, not Scrum; "game": a rule of this game. */
export const SOURCE_NOTE: Readonly<Record<NonNullable<GlossaryEntry['source']>, string>> = {
  practice: 'A common practice, not part of the Scrum Guide.',
  game: 'A measure of this game.',
};
