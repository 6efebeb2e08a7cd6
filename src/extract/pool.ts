// Extraction of many files: worker threads sized to the cores for large
// inputs, the main thread for small ones (a one-file pre-commit run pays no
// worker start-up). Workers get texts and return FileFacts; trees stay in the
// thread that parsed them. A file whose extraction fails is reported as a
// value and the others go on.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileFacts } from './facts.js';
import type { ExtractReply, ExtractRequest } from './worker.js';

export interface ExtractInput {
  file: string;
  text: string;
}

export type ExtractOutcome = { file: string; facts: FileFacts } | { file: string; error: string };

export interface PoolOptions {
  /** Worker threads; 1 extracts in the main thread. Default: the cores. */
  jobs?: number;
  /** Batches with fewer bytes than this run in the main thread as long as no
   * worker has started (starting one costs about as much as parsing this). */
  inProcessBelow?: number;
}

export const DEFAULT_IN_PROCESS_BELOW = 512 * 1024;

/** Requests in flight per worker: one being parsed, one waiting, so that a
 * busy main thread never leaves a worker idle. */
const IN_FLIGHT = 2;

/** The compiled worker script: next to this module when running from
 * `dist/`, or in `dist/` when this module runs as TypeScript (vitest). */
export function workerScript(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/src/extract/worker.js', here) : new URL('./worker.js', here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) {
    throw new Error(`fpcast: the extraction worker ${path} is missing; build fpcast first (npm run build), or run with --jobs 1`);
  }
  return path;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

interface Task {
  id: number;
  input: ExtractInput;
  resolve: (outcome: ExtractOutcome) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Task>;
}

export class ExtractPool {
  private readonly jobs: number;
  private readonly inProcessBelow: number;
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 0;
  private extractInProcess: ((file: string, text: string) => FileFacts) | undefined;

  constructor(options: PoolOptions = {}) {
    this.jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
    this.inProcessBelow = options.inProcessBelow ?? DEFAULT_IN_PROCESS_BELOW;
  }

  /** Whether worker threads are running. */
  get threaded(): boolean {
    return this.slots.length > 0;
  }

  /** Facts of every input, in input order. */
  async extract(inputs: ExtractInput[]): Promise<ExtractOutcome[]> {
    if (!inputs.length) return [];
    const bytes = inputs.reduce((sum, input) => sum + input.text.length, 0);
    if (this.jobs === 1 || (!this.threaded && bytes < this.inProcessBelow)) return this.inProcess(inputs);
    this.start();
    // Largest first: the last file to finish is then a small one.
    const order = inputs.map((input, i) => ({ input, i })).sort((a, b) => b.input.text.length - a.input.text.length);
    const outcomes = new Array<ExtractOutcome>(inputs.length);
    const finished = order.map(
      ({ input, i }) =>
        new Promise<void>((resolve) => {
          this.queue.push({ id: this.nextId++, input, resolve: (outcome) => resolve(void (outcomes[i] = outcome)) });
        }),
    );
    for (const slot of this.slots) this.feed(slot);
    await Promise.all(finished);
    return outcomes;
  }

  /** The facts of a file with no text: every field empty (for files not parsed). */
  async emptyFacts(file: string): Promise<FileFacts> {
    this.extractInProcess ??= (await import('./extract.js')).extractFacts;
    return this.extractInProcess(file, '');
  }

  /** Stop the workers (pending work fails). */
  async close(): Promise<void> {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const slot of slots) for (const task of slot.running.values()) task.resolve({ file: task.input.file, error: 'the extraction pool was closed' });
  }

  private async inProcess(inputs: ExtractInput[]): Promise<ExtractOutcome[]> {
    this.extractInProcess ??= (await import('./extract.js')).extractFacts;
    const outcomes: ExtractOutcome[] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        outcomes.push({ file: input.file, facts: this.extractInProcess(input.file, input.text) });
      } catch (error) {
        outcomes.push({ file: input.file, error: describe(error) });
      }
      // Native trees are freed by finalizers, which run only when the event
      // loop gets a turn.
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
    return outcomes;
  }

  private start(): void {
    if (this.slots.length) return;
    const script = workerScript();
    for (let i = 0; i < this.jobs; i++) this.slots.push(this.spawn(script));
  }

  private spawn(script: string): Slot {
    const worker = new Worker(script);
    const slot: Slot = { worker, running: new Map() };
    worker.on('message', (reply: ExtractReply) => {
      const task = slot.running.get(reply.id);
      if (!task) return;
      slot.running.delete(reply.id);
      if (!slot.running.size && !this.queue.length) worker.unref();
      task.resolve('error' in reply ? { file: task.input.file, error: reply.error } : { file: task.input.file, facts: JSON.parse(reply.json) });
      this.feed(slot);
    });
    // A worker that dies takes its running files with it; the others go on in a fresh worker.
    const replace = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      for (const task of slot.running.values()) task.resolve({ file: task.input.file, error: why });
      slot.running.clear();
      const fresh = this.spawn(script);
      this.slots[index] = fresh;
      this.feed(fresh);
    };
    worker.on('error', (error) => replace(`the extraction worker failed: ${describe(error)}`));
    worker.on('exit', (code) => replace(`the extraction worker exited with code ${code}`));
    // Idle workers must not keep the process alive (busy ones must).
    worker.unref();
    return slot;
  }

  private feed(slot: Slot): void {
    while (slot.running.size < IN_FLIGHT && this.queue.length) {
      const task = this.queue.shift()!;
      slot.running.set(task.id, task);
      slot.worker.ref();
      const request: ExtractRequest = { id: task.id, file: task.input.file, text: task.input.text };
      slot.worker.postMessage(request);
    }
  }

}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
