import type { ClassResults } from './results';
import type { LearnerSummary } from './summary';

export interface FeedSource {
  hasWatchers(): boolean;
  summaries(ids: readonly string[]): LearnerSummary[];
  /**
   * Brings class-wide results up to date, spending about `budgetMs` at most; returns them when
   * complete, or null when more work is left for the next turn of the event loop.
   */
  refreshResults(budgetMs: number): ClassResults | null;
  publish(message: { type: 'learners'; learners: LearnerSummary[] } | { type: 'results'; results: ClassResults }): void;
}

export interface FeedTiming {
  /** How long changed learners are gathered before one update goes out. */
  learnersMs: number;
  /** Class-wide results cost a mastery estimate per changed learner: sent at most this often. */
  resultsMs: number;
}

export const DEFAULT_FEED_TIMING: FeedTiming = { learnersMs: 100, resultsMs: 1000 };

/** Work done per turn of the event loop on class results, so learners' acks never wait long behind it. */
const RESULTS_SLICE_MS = 4;

/**
 * Coalesces dashboard updates: with 60 learners acting twice a second, one message per action
 * would be 120 messages a second per dashboard; batching keeps it to about ten, a tenth of a
 * second late at most. Results are recomputed in small slices for the same reason.
 */
export class DashboardFeed {
  private readonly dirty = new Set<string>();
  private resultsDirty = false;
  private learnersTimer: NodeJS.Timeout | null = null;
  private resultsTimer: NodeJS.Timeout | null = null;
  private computing: NodeJS.Immediate | null = null;

  constructor(
    private readonly source: FeedSource,
    private readonly timing: FeedTiming = DEFAULT_FEED_TIMING,
  ) {}

  learnerChanged(id: string, evidenceChanged: boolean): void {
    this.dirty.add(id);
    if (!this.learnersTimer) {
      this.learnersTimer = setTimeout(() => this.flushLearners(), this.timing.learnersMs);
      this.learnersTimer.unref();
    }
    if (evidenceChanged) {
      this.resultsDirty = true;
      if (!this.resultsTimer && !this.computing) {
        this.resultsTimer = setTimeout(() => this.startResults(), this.timing.resultsMs);
        this.resultsTimer.unref();
      }
    }
  }

  private flushLearners(): void {
    this.learnersTimer = null;
    const ids = [...this.dirty];
    this.dirty.clear();
    // Nobody watching: a dashboard that connects later gets a full snapshot anyway.
    if (ids.length && this.source.hasWatchers()) this.source.publish({ type: 'learners', learners: this.source.summaries(ids) });
  }

  private startResults(): void {
    this.resultsTimer = null;
    this.resultsDirty = false;
    if (!this.source.hasWatchers()) return;
    const step = () => {
      const results = this.source.refreshResults(RESULTS_SLICE_MS);
      if (!results) {
        this.computing = setImmediate(step);
        return;
      }
      this.computing = null;
      this.source.publish({ type: 'results', results });
      // Evidence that arrived meanwhile waits for the next period.
      if (this.resultsDirty && !this.resultsTimer) {
        this.resultsTimer = setTimeout(() => this.startResults(), this.timing.resultsMs);
        this.resultsTimer.unref();
      }
    };
    step();
  }

  stop(): void {
    if (this.learnersTimer) clearTimeout(this.learnersTimer);
    if (this.resultsTimer) clearTimeout(this.resultsTimer);
    if (this.computing) clearImmediate(this.computing);
    this.learnersTimer = this.resultsTimer = this.computing = null;
  }
}
