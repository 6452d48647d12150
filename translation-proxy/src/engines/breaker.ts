/**
 * A circuit breaker for one engine inside one failover chain (so per engine and tenant). Closed:
 * calls go through and consecutive failures are counted. After `failureThreshold` of them it opens:
 * calls are refused without touching the engine. After `openMs` it is half-open: one probe call is
 * let through; its success closes the breaker, its failure opens it again for `openMs`.
 */
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  failureThreshold: number;
  openMs: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {}

  state(): BreakerState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.openMs ? 'half_open' : 'open';
  }

  /** Whether a call may go to the engine now; in half-open state only one probe at a time. */
  tryAcquire(): boolean {
    const state = this.state();
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  failure(): void {
    this.probing = false;
    if (this.openedAt !== undefined) {
      this.openedAt = this.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.now();
  }

  /** Ends a call that said nothing about the engine's health (e.g. a pair it does not serve). */
  release(): void {
    this.probing = false;
  }
}
