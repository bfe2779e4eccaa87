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
 * The scenario lifecycle: briefing → Sprints (refinement → planning → execution → review →
 * retrospective)* → release → debrief. It has no context: the rules own every counter and
 * raise system events; this chart alone decides which player actions are legal in each phase.
 */
const A = { actions: 'applyRule' } as const;

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
          on: { chooseProductGoal: A, chooseVisionTechnique: A, addVisionFragment: A, chooseRoadmap: A, addPersonaTrait: A, mapStakeholder: A, answerQuestion: A, 'sys.goalChosen': 'ready' },
        },
        ready: {
          on: { chooseProductGoal: A, chooseVisionTechnique: A, addVisionFragment: A, chooseRoadmap: A, addPersonaTrait: A, mapStakeholder: A, answerQuestion: A, startSprints: '#scenario.sprint' },
        },
      },
    },
    sprint: {
      initial: 'refinement',
      states: {
        refinement: {
          on: {
            setRefinementShare: A,
            refineItem: A,
            setReadiness: A,
            splitItem: A,
            fixFlaw: A,
            addCriterion: A,
            tagMoscow: A,
            flagOffVision: A,
            gatherFeedback: A,
            testAssumption: A,
            sortEmpathyNote: A,
            classifyRequest: A,
            analyseMarket: A,
            mapStakeholder: A,
            moveItem: A,
            orderBacklog: A,
            answerQuestion: A,
            endRefinement: 'planning',
          },
        },
        planning: {
          initial: 'proposing',
          states: {
            proposing: {
              on: { moveItem: A, orderBacklog: A, answerQuestion: A, proposeSprintGoal: 'negotiating' },
            },
            negotiating: {
              on: { proposeSprintGoal: A, answerQuestion: A, commitSprint: '#scenario.sprint.execution' },
            },
          },
        },
        execution: {
          initial: 'working',
          states: {
            working: {
              on: { nextDay: A, injectEvent: A, 'sys.eventRaised': 'deciding', 'sys.sprintOver': '#scenario.sprint.review' },
            },
            deciding: {
              on: { resolveEvent: A, 'sys.eventResolved': 'working' },
            },
          },
        },
        review: {
          on: {
            reviewItem: A,
            setReviewFormat: A,
            answerForecast: A,
            releaseIncrement: A,
            shareProgress: A,
            decidePivot: A,
            answerQuestion: A,
            endReview: 'retrospective',
          },
        },
        retrospective: {
          on: {
            reflect: A,
            answerQuestion: A,
            chooseImprovement: A,
            'sys.nextSprint': 'refinement',
            'sys.lastSprintDone': '#scenario.release',
          },
        },
      },
    },
    release: {
      on: { answerQuestion: A, decideRelease: 'debrief' },
    },
    debrief: { type: 'final' },
  },
});

export type LifecycleSnapshot = ReturnType<typeof lifecycleMachine.resolveState>;
