import { setup } from 'xstate';
import type { ActionType } from '../model/actions';

/**
 * Events the rules raise after applying an action; they move the lifecycle on when the
 * world (not the player) decides a phase is over.
 */
export type SystemEventType =
  | 'sys.goalChosen'
  | 'sys.eventRaised'
  | 'sys.eventResolved'
  | 'sys.sprintOver'
  | 'sys.nextSprint'
  | 'sys.lastSprintDone';

export type LifecycleEvent = { type: ActionType } | { type: SystemEventType };

/**
 * The scenario lifecycle, as the 2020 Scrum Guide runs a Sprint: briefing → Sprints (Sprint
 * Planning → the days → Sprint Review → Sprint Retrospective)* → the end → debrief. Sprint
 * Planning starts each Sprint; Product Backlog refinement is ongoing work (in the briefing, in
 * Planning and during the days), not a phase; Done work may be released during the days, at the
 * Review and at the end. The chart has no context: the rules own every counter and raise system
 * events; this chart alone decides which player actions are legal in each phase.
 */
const A = { actions: 'applyRule' } as const;

/** Working on the Product Backlog: ordering, refining, splitting, criteria, research. */
const REFINEMENT = {
  setRefinementShare: A,
  refineItem: A,
  setReadiness: A,
  splitItem: A,
  fixFlaw: A,
  addCriterion: A,
  writeStory: A,
  writeCriteria: A,
  tagMoscow: A,
  flagOffVision: A,
  moveItem: A,
  orderBacklog: A,
} as const;

/** Learning about customers, users, the market and stakeholders: the PO's own time. */
const DISCOVERY = {
  gatherFeedback: A,
  testAssumption: A,
  sortEmpathyNote: A,
  classifyRequest: A,
  analyseMarket: A,
  mapStakeholder: A,
} as const;

export const lifecycleMachine = setup({
  types: { events: {} as LifecycleEvent },
  // Marks a transition that keeps the phase but lets the rules apply the action. The work
  // happens in the rules; this no-op exists because XState only reports a targetless
  // transition as enabled when it has an action.
  actions: { applyRule: () => {} },
}).createMachine({
  id: 'scenario',
  initial: 'briefing',
  states: {
    briefing: {
      initial: 'choosingGoal',
      states: {
        choosingGoal: {
          on: { chooseProductGoal: A, writeProductGoal: A, chooseVisionTechnique: A, addVisionFragment: A, chooseRoadmap: A, addPersonaTrait: A, mapStakeholder: A, answerQuestion: A, 'sys.goalChosen': 'ready' },
        },
        // Before the first Sprint the PO and the Developers prepare the Product Backlog together.
        ready: {
          on: {
            ...REFINEMENT,
            ...DISCOVERY,
            chooseProductGoal: A,
            writeProductGoal: A,
            chooseVisionTechnique: A,
            addVisionFragment: A,
            chooseRoadmap: A,
            addPersonaTrait: A,
            mapStakeholder: A,
            answerQuestion: A,
            startSprints: '#scenario.sprint',
          },
        },
      },
    },
    sprint: {
      initial: 'planning',
      states: {
        planning: {
          initial: 'proposing',
          states: {
            proposing: {
              on: { ...REFINEMENT, ...DISCOVERY, answerQuestion: A, proposeSprintGoal: 'negotiating' },
            },
            negotiating: {
              on: { ...REFINEMENT, proposeSprintGoal: A, answerQuestion: A, commitSprint: '#scenario.sprint.execution' },
            },
          },
        },
        execution: {
          initial: 'working',
          states: {
            working: {
              on: {
                ...REFINEMENT,
                ...DISCOVERY,
                nextDay: A,
                runToNextEvent: A,
                cancelSprint: A,
                releaseIncrement: A,
                answerQuestion: A,
                injectEvent: A,
                'sys.eventRaised': 'deciding',
                'sys.sprintOver': '#scenario.sprint.review',
              },
            },
            deciding: {
              on: { resolveEvent: A, 'sys.eventResolved': 'working' },
            },
          },
        },
        review: {
          on: {
            setReviewFormat: A,
            answerForecast: A,
            planRelease: A,
            releaseIncrement: A,
            shareProgress: A,
            decidePivot: A,
            reflect: A,
            answerQuestion: A,
            moveItem: A,
            orderBacklog: A,
            endReview: 'retrospective',
          },
        },
        retrospective: {
          on: {
            reflect: A,
            answerQuestion: A,
            chooseImprovement: A,
            'sys.nextSprint': 'planning',
            'sys.lastSprintDone': '#scenario.release',
          },
        },
      },
    },
    release: {
      on: { answerQuestion: A, releaseIncrement: A, finishScenario: 'debrief' },
    },
    debrief: { type: 'final' },
  },
});

export type LifecycleSnapshot = ReturnType<typeof lifecycleMachine.resolveState>;
