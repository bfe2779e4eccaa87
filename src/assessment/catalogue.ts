/**
 * The CSPO curriculum the game assesses: 7 domains, 20 topics, 65 learning goals.
 *
 * Domain and topic names are the outline's labels (they are names, and keeping them lets a
 * facilitator match a report to the course). Goal titles are our own short wording, checked
 * against the 2020 Scrum Guide where the outline drifts from it (the notes beside those goals say
 * what changed: Product Goal, refinement, Sprint Planning and Review, Done, Ready, Sprint Goal).
 *
 * Ids are derived from position (`D<domain>.<topic>.<goal>`), so the data cannot carry an id that
 * disagrees with the outline's order.
 */

/** Domain number, 1..7, in the outline's order. */
export type DomainNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** Topic number inside its domain, 1..3. */
export type TopicNumber = 1 | 2 | 3;
/** Cognitive level, from the outline's verb: Describe/Identify, Apply, Analyze. */
export type GoalLevel = 'describe' | 'apply' | 'analyze';

/** One learning goal. `id` is `D<domain>.<topic>.<goal>`. */
export interface Goal {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly topic: TopicNumber;
  readonly level: GoalLevel;
  readonly title: string;
}

/** One topic. `id` is `D<domain>.<topic>`. */
export interface Topic {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly topic: TopicNumber;
  readonly title: string;
  /** Goal ids of this topic, in catalogue order. */
  readonly goalIds: readonly string[];
}

/** One domain. `id` is `D<domain>`. */
export interface Domain {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly title: string;
  /** Topic ids of this domain, in catalogue order. */
  readonly topicIds: readonly string[];
}

type GoalSpec = readonly [GoalLevel, string];
interface TopicSpec { readonly title: string; readonly goals: readonly GoalSpec[] }
interface DomainSpec { readonly title: string; readonly topics: readonly TopicSpec[] }

const CURRICULUM: readonly DomainSpec[] = [
  {
    title: 'Product Owner Accountability and Mindset',
    topics: [
      {
        title: 'Product Owner role within Scrum',
        goals: [
          ['describe', 'The PO is accountable for getting the most value from the product'],
          ['describe', 'PO duties: Product Goal, backlog items, their order, transparency'],
          ['apply', 'Be one accountable person, not a committee; delegate, stay accountable'],
          ['analyze', 'Diagnose a PO whose backlog calls get overruled and win a real mandate'],
        ],
      },
      {
        title: 'Value-driven mindset',
        goals: [
          ['describe', 'Maximizing value is the aim behind every PO decision'],
          ['apply', 'Order work by weighing cost of delay, ROI and opportunity cost'],
          ['analyze', 'Weigh new features against paying down debt and improving what exists'],
        ],
      },
      {
        title: 'Scrum framework from PO perspective',
        goals: [
          ['describe', "How each Scrum event serves the Product Owner's accountability"],
          // 2020 Guide: the PO proposes how the Sprint could add value; the team sets the goal.
          ['apply', 'Sprint Planning: propose value, clarify items, let Developers plan how'],
          ['analyze', 'Get useful Sprint Review feedback and turn it into backlog changes'],
        ],
      },
    ],
  },
  {
    title: 'Product Vision and Product Goal',
    topics: [
      {
        title: 'Product vision creation',
        goals: [
          ['describe', "A vision states the product's long-term purpose and direction"],
          ['apply', 'Shape a shared vision with elevator pitch, vision board, product box'],
          ['analyze', 'Find backlog work that does not move the product toward its vision'],
        ],
      },
      {
        title: 'Product Goal definition',
        goals: [
          // 2020 Guide: the Product Goal is the Scrum Team's long-term objective, one at a time.
          ['describe', 'The Product Goal: one future state of the product to plan against'],
          ['apply', 'Write a measurable Product Goal that links the vision to Sprint work'],
          ['analyze', 'Decide from evidence whether to pivot or persevere on a Product Goal'],
        ],
      },
      {
        title: 'Roadmap and goal communication',
        goals: [
          ['describe', 'A roadmap conveys direction and goals, not fixed scope and dates'],
          ['apply', 'Build a goal-based or Now-Next-Later roadmap that stays adaptable'],
          ['analyze', 'Judge a roadmap by how well stakeholders grasp where the product goes'],
        ],
      },
    ],
  },
  {
    title: 'Product Backlog Management',
    topics: [
      {
        title: 'Backlog creation and structure',
        goals: [
          ['describe', 'Item granularity, from epics to stories, matches planning horizons'],
          ['apply', 'Write user stories with a role, a need, a benefit and criteria'],
          ['apply', 'Check story quality with INVEST'],
          ['analyze', 'Split large items into thin slices that each still deliver value'],
        ],
      },
      {
        title: 'Backlog ordering and prioritization',
        goals: [
          ['describe', 'Compare MoSCoW, WSJF and Kano, and know when each one fits'],
          ['apply', "Sort items into Must, Should, Could and Won't for a target"],
          ['apply', 'Order items by expected value relative to effort'],
          ['analyze', 'Move items up or down for dependencies, risk and learning'],
        ],
      },
      {
        title: 'Backlog refinement',
        goals: [
          // 2020 Guide dropped the "10% of capacity" rule of thumb; we do not teach it.
          ['describe', 'Refinement is ongoing: split items, add detail, size and order'],
          ['apply', 'Refine upcoming items until they are clear and small enough'],
          ['analyze', 'Judge refinement by planning time, estimate confidence, surprises'],
        ],
      },
    ],
  },
  {
    title: 'Understanding Customers and Users',
    topics: [
      {
        title: 'Customer and user segmentation',
        goals: [
          ['describe', 'Segment users by demographics, behaviour and needs'],
          ['apply', 'Build personas with goals, pains, habits and context'],
          ['analyze', 'Weigh what buyers want against what end users need when ordering'],
        ],
      },
      {
        title: 'User feedback and validation',
        goals: [
          ['describe', 'Interviews, surveys, usability tests and analytics as evidence'],
          ['apply', 'Scope an MVP: the least Increment that can test an assumption'],
          ['apply', 'Use an empathy map to turn user research into insight'],
          ['analyze', 'Tell real unmet needs from habit or copycat feature requests'],
        ],
      },
      {
        title: 'Market and competitive awareness',
        goals: [
          ['describe', 'Feature comparison, SWOT and positioning show the market context'],
          ['apply', 'Use competitor insight to choose where to lead, match or differ'],
          ['analyze', 'Spot market shifts that should change direction or priorities'],
        ],
      },
    ],
  },
  {
    title: 'Stakeholder Engagement',
    topics: [
      {
        title: 'Stakeholder identification and management',
        goals: [
          ['describe', 'Kinds of stakeholders, their interests and their influence'],
          ['apply', 'Map stakeholders by influence and interest to plan engagement'],
          ['analyze', 'Balance conflicting requests against the Product Goal and value'],
        ],
      },
      {
        title: 'Communication and transparency',
        goals: [
          ['describe', 'The PO shares direction and progress and sets honest expectations'],
          ['apply', 'Make progress, next priorities and risks visible in plain form'],
          // 2020 Guide: the Sprint Review is a working session, not a presentation.
          ['apply', 'Make the Sprint Review a working session with stakeholders'],
          ['analyze', 'Trace a stakeholder misunderstanding to its cause and fix the channel'],
        ],
      },
    ],
  },
  {
    title: 'Release Planning and Forecasting',
    topics: [
      {
        title: 'Release planning',
        goals: [
          ['describe', 'Release planning: which part of the backlog ships by a date or scope'],
          ['apply', 'Forecast delivery from velocity, capacity and backlog order'],
          ['analyze', 'Test forecast assumptions; state confidence and fallback plans'],
        ],
      },
      {
        title: 'Definition of Done and quality',
        goals: [
          ['describe', 'The Definition of Done is the quality bar every Increment must meet'],
          // 2020 Guide: work not meeting the DoD is not shown at the Review; it returns to the backlog.
          ['apply', 'Only Done work counts; undone items go back to the Product Backlog'],
          ['analyze', 'A stronger Definition of Done: slower now, more predictable later'],
        ],
      },
      {
        title: 'Product metrics',
        goals: [
          ['describe', 'Adoption, satisfaction, revenue and usage measure value, not velocity'],
          ['apply', 'Report product metrics to show value and guide ordering'],
          ['analyze', 'Check whether ordering decisions actually moved the value metrics'],
        ],
      },
    ],
  },
  {
    title: 'Sprint Collaboration and Definition of Ready',
    topics: [
      {
        title: 'Definition of Ready practices',
        goals: [
          // Not part of the 2020 Guide: taught as an optional working agreement, never a gate.
          ['describe', 'A Definition of Ready is an optional team agreement, not a gate'],
          ['apply', 'Check items for clear criteria, right size and known dependencies'],
          ['analyze', 'Weigh strict readiness (slow flow) against loose (mid-Sprint churn)'],
        ],
      },
      {
        title: 'Sprint Goal collaboration',
        goals: [
          // 2020 Guide: the whole Scrum Team collaborates to define the Sprint Goal.
          ['describe', 'The PO proposes value; the whole Scrum Team crafts the Sprint Goal'],
          ['apply', 'Shape a Sprint Goal that serves urgent needs within team capacity'],
          ['analyze', 'Read Sprint Goal outcomes across Sprints for over- or under-reach'],
        ],
      },
      {
        title: 'Acceptance criteria writing',
        goals: [
          ['describe', 'Acceptance criteria: item-specific conditions shared with Developers'],
          ['apply', 'Write Given-When-Then criteria that are clear and testable'],
          ['analyze', 'Check criteria cover edge cases, errors and non-functional needs'],
        ],
      },
    ],
  },
];

function buildCatalogue(): { domains: Domain[]; topics: Topic[]; goals: Goal[] } {
  const domains: Domain[] = [];
  const topics: Topic[] = [];
  const goals: Goal[] = [];
  CURRICULUM.forEach((d, di) => {
    const domain = (di + 1) as DomainNumber;
    const topicIds: string[] = [];
    d.topics.forEach((t, ti) => {
      const topic = (ti + 1) as TopicNumber;
      const topicId = `D${domain}.${topic}`;
      const goalIds = t.goals.map((g, gi) => {
        const id = `${topicId}.${gi + 1}`;
        goals.push(Object.freeze({ id, domain, topic, level: g[0], title: g[1] }));
        return id;
      });
      topics.push(Object.freeze({ id: topicId, domain, topic, title: t.title, goalIds: Object.freeze(goalIds) }));
      topicIds.push(topicId);
    });
    domains.push(Object.freeze({ id: `D${domain}`, domain, title: d.title, topicIds: Object.freeze(topicIds) }));
  });
  return { domains, topics, goals };
}

const BUILT = buildCatalogue();

/** All 65 goals in catalogue (outline) order. Every report iterates this order. */
export const GOALS: readonly Goal[] = Object.freeze(BUILT.goals);
/** All 20 topics in catalogue order. */
export const TOPICS: readonly Topic[] = Object.freeze(BUILT.topics);
/** All 7 domains in catalogue order. */
export const DOMAINS: readonly Domain[] = Object.freeze(BUILT.domains);

const GOAL_INDEX: ReadonlyMap<string, number> = new Map(GOALS.map((g, i) => [g.id, i]));

/** The goal with this id, or `undefined` for an id outside the catalogue. */
export function goalById(id: string): Goal | undefined {
  const i = GOAL_INDEX.get(id);
  return i === undefined ? undefined : GOALS[i];
}

/** Position of the goal in catalogue order, or -1. Used to sort goal ids deterministically. */
export function goalIndex(id: string): number {
  return GOAL_INDEX.get(id) ?? -1;
}
