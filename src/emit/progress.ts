// A progress line on stderr for runs long enough to make a person wonder:
// only on a terminal, only once a run has taken more than a second, redrawn
// in place and erased when the run is done, so that logs, pipes, tests and
// `--quiet` hooks never see it.

import type { ProgressEvent } from '../pipeline.js';

const LABELS: Record<string, string> = { read: 'reading', parse: 'parsing', check: 'checking' };

const CLEAR_LINE = '\r\x1b[2K';

export class ProgressLine {
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: { write(chunk: string): unknown },
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
    private readonly delayMs = 1000,
    private readonly intervalMs = 100,
  ) {
    this.started = now();
  }

  /** Whether a progress line may be shown on `stream` at all. */
  static allowed(stream: { isTTY?: boolean } | object, quiet: boolean): boolean {
    return !quiet && (stream as { isTTY?: boolean }).isTTY === true;
  }

  update(event: ProgressEvent): void {
    if (!this.enabled) return;
    const t = this.now();
    if (t - this.started < this.delayMs || t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.drawn = true;
    const label = LABELS[event.stage] ?? event.stage;
    this.stream.write(`${CLEAR_LINE}fpcast: ${label} ${Math.min(event.done, event.total)}/${event.total} files`);
  }

  /** Erase the line, if one was drawn, before anything else is printed. */
  clear(): void {
    if (!this.drawn) return;
    this.drawn = false;
    this.stream.write(CLEAR_LINE);
  }
}
