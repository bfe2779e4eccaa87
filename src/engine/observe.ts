import type { Action, ActionType } from './model/actions';
import { REFINEMENT_SHARES, IMPROVEMENTS } from './model/actions';
import type { Scenario } from './model/scenario';
import type { GameState, Item } from './model/state';
import { refinementBudget, refinementCost } from './rules/backlog';
import { developersForecast } from './rules/planning';

/** One way to act now. Sending `{ "id": ... }` takes it exactly as listed. */
export interface ListedAction {
  id: string;
  type: ActionType;
  label: string;
  /** What a real PO would know this choice costs, when it costs something. */
  cost?: string;
  params: Omit<Action, 'type'>;
  action: Action;
}

export interface VisibleItem {
  id: string;
  type: Item['type'];
  title: string;
  description: string;
  requestedBy: string | null;
  estimate: number;
  statedValue: number;
  refined: boolean;
  status: Item['status'];
  meetsDoD: boolean | null;
  costOfDelay: Item['visibleCostOfDelay'];
  deadlineSprint: number | null;
}

/** What the player may know. Hidden truth never appears here unless the rules revealed it. */
export interface Observation {
  scenario: { id: string; title: string; summary: string; product: string; vision: string };
  phase: string;
  sprint: number;
  sprints: number;
  day: number;
  days: number;
  productGoal: string | null;
  productGoalOptions: { id: string; text: string }[];
  refinement: { share: number; budget: number; used: number };
  backlog: VisibleItem[];
  sprintBacklog: VisibleItem[];
  increment: VisibleItem[];
  currentSprint: { goal: string; forecast: number; committed: string[] } | null;
  team: { capacity: number; velocityHistory: number[]; dodStrength: number; morale: number; techDebt: number; developersForecast: number };
  stakeholders: { id: string; name: string; role: string; trust: number }[];
  pendingEvent: { id: string; title: string; text: string; from: string; choices: { id: string; label: string; cost?: string }[] } | null;
  forecasts: { sprint: number; style: 'date' | 'range'; low: number; high: number; judged: boolean; hit: boolean | null }[];
  metrics: GameState['metrics'];
  log: string[];
}

function visible(i: Item): VisibleItem {
  return {
    id: i.id,
    type: i.type,
    title: i.title,
    description: i.description,
    requestedBy: i.requestedBy,
    estimate: i.estimate,
    statedValue: i.statedValue,
    refined: i.refined,
    status: i.status,
    meetsDoD: i.meetsDoD,
    costOfDelay: i.visibleCostOfDelay,
    deadlineSprint: i.visibleCostOfDelay === 'fixedDate' ? (i.truth.deadlineSprint ?? null) : null,
  };
}

export function observation(state: GameState, scenario: Scenario): Observation {
  const items = Object.values(state.items);
  const sprint = state.sprints[state.sprints.length - 1];
  const inSprint = sprint && state.sprints.length === state.sprint ? sprint : null;
  const card = scenario.events.find((c) => c.id === state.pendingEvent?.cardId);
  const goal = scenario.productGoals.find((g) => g.id === state.productGoalId);
  return {
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary, product: scenario.product.name, vision: scenario.product.vision },
    phase: state.phase,
    sprint: state.sprint,
    sprints: scenario.sprints,
    day: state.day,
    days: scenario.daysPerSprint,
    productGoal: goal?.text ?? null,
    productGoalOptions: scenario.productGoals.map((g) => ({ id: g.id, text: g.text })),
    refinement: { share: state.refinementShare, budget: refinementBudget(state), used: state.refinementUsed },
    backlog: state.backlogOrder.map((id) => visible(state.items[id]!)),
    sprintBacklog: inSprint ? inSprint.committed.map((id) => visible(state.items[id]!)).filter((i) => i.status !== 'backlog') : [],
    increment: items.filter((i) => i.status === 'accepted').map(visible),
    currentSprint: inSprint ? { goal: inSprint.goalText, forecast: inSprint.forecast, committed: [...inSprint.committed] } : null,
    team: {
      capacity: state.team.capacity,
      velocityHistory: state.sprints.filter((s) => s.number < state.sprint || state.phase.startsWith('sprint.review') || state.phase.startsWith('sprint.retro') || state.phase === 'release' || state.phase === 'debrief').map((s) => s.velocity),
      dodStrength: state.team.dodStrength,
      morale: state.team.morale,
      techDebt: state.team.techDebt,
      developersForecast: developersForecast(state),
    },
    stakeholders: scenario.stakeholders.map((s) => ({ id: s.id, name: s.name, role: s.role, trust: state.trust[s.id] ?? 0 })),
    pendingEvent: card
      ? { id: card.id, title: card.title, text: card.text, from: card.from, choices: card.choices.map((c) => ({ id: c.id, label: c.label, ...(c.cost ? { cost: c.cost } : {}) })) }
      : null,
    forecasts: state.forecasts.map((f) => ({ sprint: f.sprint, style: f.style, low: f.low, high: f.high, judged: f.judged, hit: f.hit })),
    metrics: state.metrics ? { ...state.metrics } : null,
    log: state.log.slice(-10),
  };
}

/** Ids read "type:param:param" so logs and replays stay legible. */
function listed(id: string, action: Action, label: string, cost?: string): ListedAction {
  const { type, ...params } = action;
  const entry: ListedAction = { id, type, label, params, action };
  if (cost) entry.cost = cost;
  return entry;
}

/** Every legal action, once per meaningful option, in a stable order. */
export function listActions(state: GameState, scenario: Scenario, legal: readonly ActionType[]): ListedAction[] {
  const out: ListedAction[] = [];
  const title = (id: string) => state.items[id]!.title;
  for (const type of legal) {
    switch (type) {
      case 'chooseProductGoal':
        for (const g of scenario.productGoals) out.push(listed(`${type}:${g.id}`, { type, goalId: g.id }, `Choose the Product Goal: ${g.text}`));
        break;
      case 'startSprints':
        out.push(listed(type, { type }, 'Start Sprint 1'));
        break;
      case 'setRefinementShare':
        for (const percent of REFINEMENT_SHARES)
          if (percent !== state.refinementShare)
            out.push(listed(`${type}:${percent}`, { type, percent }, `Set aside ${percent}% of Developer capacity for refinement`, `${percent}% less capacity for delivery`));
        break;
      case 'refineItem': {
        const left = refinementBudget(state) - state.refinementUsed;
        for (const id of state.backlogOrder) {
          const item = state.items[id]!;
          if (!item.refined && refinementCost(item.estimate) <= left)
            out.push(listed(`${type}:${id}`, { type, itemId: id }, `Refine "${item.title}" with the Developers`, `${refinementCost(item.estimate)} points of refinement time`));
        }
        break;
      }
      case 'moveItem':
        // "To the top" alone reaches every order; finer moves are sent as full actions.
        for (let index = 1; index < state.backlogOrder.length; index++) {
          const id = state.backlogOrder[index]!;
          out.push(listed(`${type}:${id}:0`, { type, itemId: id, toIndex: 0 }, `Move "${title(id)}" to the top of the Product Backlog`));
        }
        break;
      case 'orderBacklog':
        // Listed with the current order as its default; agents send their own itemIds.
        out.push(listed(type, { type, itemIds: [...state.backlogOrder] }, 'Put the whole Product Backlog in a new order (send itemIds)'));
        break;
      case 'endRefinement':
        out.push(listed(type, { type }, 'End refinement and go to Sprint Planning'));
        break;
      case 'proposeSprintGoal':
        out.push(listed(`${type}:outcome`, { type, kind: 'outcome' }, 'Propose a Sprint Goal: the outcome the top item gives users'));
        out.push(listed(`${type}:itemList`, { type, kind: 'itemList' }, 'Propose a Sprint Goal: finish the top three items'));
        break;
      case 'commitSprint': {
        const f = developersForecast(state);
        out.push(listed(`${type}:forecast`, { type, scope: 'forecast' }, `Accept the Developers' forecast of ${f} points and start the Sprint`));
        out.push(listed(`${type}:stretch`, { type, scope: 'stretch' }, `Insist on about ${Math.round(f * 1.3)} points and start the Sprint`, 'The Developers lose morale when overruled'));
        break;
      }
      case 'nextDay':
        out.push(listed(type, { type }, `Go to day ${state.day + 1}`));
        break;
      case 'resolveEvent': {
        const card = scenario.events.find((c) => c.id === state.pendingEvent?.cardId);
        for (const c of card?.choices ?? []) out.push(listed(`${type}:${c.id}`, { type, choiceId: c.id }, c.label, c.cost));
        break;
      }
      case 'reviewItem':
        for (const item of Object.values(state.items)) {
          if (item.status !== 'done') continue;
          const dod = item.meetsDoD ? 'meets the Definition of Done' : 'does not meet the Definition of Done';
          out.push(listed(`${type}:${item.id}:accept`, { type, itemId: item.id, decision: 'accept' }, `Accept "${item.title}" (${dod})`));
          out.push(listed(`${type}:${item.id}:returnToBacklog`, { type, itemId: item.id, decision: 'returnToBacklog' }, `Return "${item.title}" to the Product Backlog (${dod})`));
        }
        break;
      case 'answerForecast':
        if (!state.sprints[state.sprints.length - 1]?.forecastAnswered && state.backlogOrder.length > 0) {
          out.push(listed(`${type}:date`, { type, style: 'date' }, 'Tell stakeholders a single date for the next items'));
          out.push(listed(`${type}:range`, { type, style: 'range' }, 'Give stakeholders a range with confidence from velocity history'));
        }
        break;
      case 'endReview':
        if (!Object.values(state.items).some((i) => i.status === 'done')) out.push(listed(type, { type }, 'Close the Sprint Review'));
        break;
      case 'chooseImprovement':
        for (const improvement of IMPROVEMENTS)
          out.push(
            listed(
              `${type}:${improvement}`,
              { type, improvement },
              improvement === 'strengthenDoD'
                ? 'Agree to strengthen the Definition of Done'
                : improvement === 'payDownDebt'
                  ? 'Agree to spend part of the next Sprint on technical debt'
                  : 'Keep the way of working as it is',
              improvement === 'strengthenDoD' ? 'Slower next Sprint' : improvement === 'payDownDebt' ? '15% of next Sprint' : undefined,
            ),
          );
        break;
      case 'decideRelease':
        out.push(listed(`${type}:ship`, { type, decision: 'ship' }, 'Release the Increment to users'));
        out.push(listed(`${type}:hold`, { type, decision: 'hold' }, 'Hold the release'));
        break;
      default:
        assertNever(type);
    }
  }
  return out;
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
