// Ctrl-C (SIGINT) and SIGTERM while `fix` writes files. Each file is written
// atomically (temp file, fsync, rename), so the only way to leave a file
// half-fixed, or a temp file behind, is to die in the middle of a write. While
// the guard is installed a signal only sets a flag: the writes under way
// finish (one not started never starts), the write loops stop, and
// fpcast exits 130 (SIGINT) or 143 (SIGTERM) saying which files it fixed and
// which it left untouched. A second signal exits at once; write-file-atomic
// removes its temp file on the way out and the rename is atomic, so even then
// every file is either original or fixed.

export type StopSignal = 'SIGINT' | 'SIGTERM';

const EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export class InterruptGuard {
  private caught: StopSignal | undefined;
  private readonly listeners = new Map<StopSignal, () => void>();

  private constructor(signals: StopSignal[], private readonly onSignal?: (signal: StopSignal) => void) {
    for (const signal of signals) {
      const listener = () => this.receive(signal);
      this.listeners.set(signal, listener);
      process.on(signal, listener);
    }
  }

  /** Catch `signals` until `dispose()`. */
  static install(onSignal?: (signal: StopSignal) => void, signals: StopSignal[] = ['SIGINT', 'SIGTERM']): InterruptGuard {
    return new InterruptGuard(signals, onSignal);
  }

  /** The signal that asked fpcast to stop, if any. */
  get signal(): StopSignal | undefined {
    return this.caught;
  }

  get exitCode(): number {
    return this.caught ? EXIT_CODES[this.caught] : 0;
  }

  private receive(signal: StopSignal): void {
    if (this.caught) {
      // Asked twice: stop now. process.exit runs write-file-atomic's exit
      // handler, which removes a temp file in flight.
      process.exit(EXIT_CODES[signal]);
    }
    this.caught = signal;
    this.onSignal?.(signal);
  }

  dispose(): void {
    for (const [signal, listener] of this.listeners) process.off(signal, listener);
    this.listeners.clear();
  }
}

const LISTED = 10;

function listOf(files: string[]): string {
  const shown = [...files].sort().slice(0, LISTED).join(', ');
  return files.length > LISTED ? `${shown} and ${files.length - LISTED} more` : shown;
}

/** What an interrupted `fix` tells the user: how far it got, and that no file
 * is half-written. */
export function interruptedLines(signal: StopSignal, written: string[], untouched: string[]): string[] {
  const lines = [
    `fpcast: interrupted by ${signal}: fixed ${written.length} file${written.length === 1 ? '' : 's'}, left ${untouched.length} untouched; no file is half-written. Run 'fpcast fix' again to finish.`,
  ];
  if (written.length) lines.push(`fpcast: fixed: ${listOf(written)}`);
  if (untouched.length) lines.push(`fpcast: left untouched: ${listOf(untouched)}`);
  return lines;
}
