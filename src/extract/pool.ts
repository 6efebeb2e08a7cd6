// Extraction of many files: for large inputs, worker threads and the main
// thread, one per core in all; for small ones, the main thread alone (a
// one-file pre-commit run pays no worker start-up). Workers get texts and
// what is wanted of them (see tasks.ts) and return FileFacts; the main
// thread takes tasks from the same queue whenever it has nothing else to do
// (see `help`). Trees stay in the thread that parsed them. A file whose
// extraction fails is reported as a value and the others go on.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { FileFacts } from './facts.js';
import { shapeOf, type Shape } from './outline.js';
import { lengthOf } from './ranges.js';
import type { TaskResult, Want } from './tasks.js';
import type { ExtractReply, ExtractRequest } from './worker.js';

export interface ExtractInput {
  file: string;
  text: string;
  /** What to do (default: extract the whole file). */
  want?: Want;
  /** The text's outline, when the caller made one: windows read it (see
   * Shape; a worker is sent the shape alone, once with the text). */
  shape?: Shape;
}

export type ExtractOutcome = ({ file: string } & TaskResult) | { file: string; error: string };

export interface PoolOptions {
  /** Threads that extract: the main thread and `jobs - 1` workers; 1, the
   * main thread alone. Default: the cores. */
  jobs?: number;
  /** Batches with fewer bytes than this run in the main thread as long as no
   * worker has started (starting one costs about as much as parsing this). */
  inProcessBelow?: number;
  /** Start the workers now, before the work is known (they take a while to
   * start; a run over many files will want them). */
  warm?: boolean;
}

// worker_threads is loaded when the first worker starts: a one-file run
// starts none, and the module costs it over a millisecond to load.
const require = createRequire(import.meta.url);

export const DEFAULT_IN_PROCESS_BELOW = 512 * 1024;

/** Young generation of a worker's heap, in MiB (measured: no slower than V8's default, a third of the memory). */
const YOUNG_GENERATION_MB = 4;

/** Work in flight per worker, in bytes (see `weight`): enough queued that a
 * worker does not wait for the main thread between small parts (a round trip
 * costs more than parsing a function's head), little enough that the work
 * stays spread over the workers. A worker always has at least one request. */
const IN_FLIGHT_BYTES = 128 * 1024;
const IN_FLIGHT_MAX = 64;

/** Sort key offset that puts whole files after parts (see ExtractPool.next). */
const WHOLE_FIRST = 2 ** 40;

/** The compiled worker script: next to this module when running from
 * `dist/src` or from the bundle (`dist/bundle/fpcast.cjs`, whose worker is
 * `worker.cjs`), or in `dist/` when this module runs as TypeScript (vitest). */
function workerScript(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts')
    ? new URL('../../dist/src/extract/worker.js', here)
    : new URL(here.endsWith('.cjs') ? './worker.cjs' : './worker.js', here);
  const path = fileURLToPath(url);
  if (!existsSync(path)) {
    throw new Error(`fpcast: the extraction worker ${path} is missing; build fpcast first (npm run build), or run with --jobs 1`);
  }
  return path;
}

function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

interface Task {
  id: number;
  /** Lower goes first (see `priority`). */
  key: number;
  input: ExtractInput;
  resolve: (outcome: ExtractOutcome) => void;
}

// A worker keeps the texts it was sent (each is sent to it once), and the
// trees of files whose parts had to be read from a whole parse: later
// requests for such a file go to the thread that keeps its tree.

/** The keeper of the trees the main thread made. */
const MAIN = 'main thread';

interface Slot {
  worker: Worker;
  running: Map<number, Task>;
  /** The weight of the running tasks. */
  load: number;
}

export class ExtractPool {
  private readonly jobs: number;
  private readonly inProcessBelow: number;
  private slots: Slot[] = [];
  private queue: Task[] = [];
  /** The workers that have each file's text (they keep what they were sent),
   * that text, and the workers that have its shape. */
  private readonly had = new Map<string, { text: string; slots: Set<Slot>; shaped: Set<Slot> }>();
  /** Files whose tree a thread keeps → that thread (see tasks.ts). */
  private readonly keeper = new Map<string, Slot | typeof MAIN>();
  private nextId = 0;
  private runInProcess: typeof import('./tasks.js').runTask | undefined;

  private workload: number | undefined;
  /** The main thread has work of its own (see `keepCore`); `helping`: it is taking tasks. */
  private mainBusy = false;
  private helping = false;
  /** Tasks the main thread took from the queue. */
  private tookHere = 0;

  constructor(options: PoolOptions = {}) {
    this.jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
    this.inProcessBelow = options.inProcessBelow ?? DEFAULT_IN_PROCESS_BELOW;
    if (options.warm && this.jobs > 1) this.start();
  }

  /** The bytes of every file the run may parse, once known: workers start
   * now if they will be wanted (many small batches that add up go to them
   * from the first on), while the caller prepares their work. */
  expect(workload: number | undefined): void {
    this.workload = workload;
    if (this.jobs > 1 && (workload ?? 0) >= this.inProcessBelow) this.start();
  }

  /** How many workers have work under way. */
  get busyWorkers(): number {
    return this.slots.filter((slot) => slot.running.size > 0).length;
  }

  /** Whether worker threads are running. */
  get threaded(): boolean {
    return this.slots.length > 0;
  }

  /** How many tasks the main thread took from the workers' queue. */
  get tasksInMainThread(): number {
    return this.tookHere;
  }

  /** What every input wants, in input order. */
  async extract(inputs: ExtractInput[]): Promise<ExtractOutcome[]> {
    if (!inputs.length) return [];
    const bytes = inputs.reduce((sum, input) => sum + weight(input), 0);
    if (this.jobs === 1 || (!this.threaded && Math.max(bytes, this.workload ?? 0) < this.inProcessBelow)) return this.inProcess(inputs);
    this.start();
    const outcomes = new Array<ExtractOutcome>(inputs.length);
    const finished = inputs.map(
      (input, i) =>
        new Promise<void>((resolve) => {
          this.queue.push({ id: this.nextId++, key: priority(input), input, resolve: (outcome) => resolve(void (outcomes[i] = outcome)) });
        }),
    );
    // The queue stays in the order tasks are taken in (see `priority`), so
    // that taking one costs no search of a long queue (a run may ask for thousands).
    this.queue.sort((a, b) => a.key - b.key || a.id - b.id);
    for (const slot of this.slots) this.feed(slot);
    void this.help();
    await Promise.all(finished);
    return outcomes;
  }

  /** Stop the workers (pending work fails) and drop the trees kept. */
  async close(): Promise<void> {
    this.runInProcess && (await import('./tasks.js')).releaseTrees();
    this.had.clear();
    this.keeper.clear();
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    for (const slot of slots) for (const task of slot.running.values()) task.resolve({ file: task.input.file, error: 'the extraction pool was closed' });
  }

  private async inProcess(inputs: ExtractInput[]): Promise<ExtractOutcome[]> {
    this.runInProcess ??= (await import('./tasks.js')).runTask;
    const outcomes: ExtractOutcome[] = [];
    for (const [i, input] of inputs.entries()) {
      outcomes.push(this.runHere(input).outcome);
      // Native trees are freed by finalizers, which run only when the event
      // loop gets a turn.
      if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
    }
    return outcomes;
  }

  /** One task in the main thread; `kept` when this thread now keeps the file's tree. */
  private runHere(input: ExtractInput): { outcome: ExtractOutcome; kept: boolean } {
    try {
      const result = this.runInProcess!(input.file, input.text, input.want ?? 'whole', input.shape);
      return { outcome: { file: input.file, facts: result.facts }, kept: result.kept === true };
    } catch (error) {
      return { outcome: { file: input.file, error: describe(error) }, kept: false };
    }
  }

  /** The main thread takes tasks from the queue, in its order, while it has
   * nothing else to do: it is one of the `jobs` threads that extract (a
   * worker more would cost its start-up, its own compiled code and the
   * copying of its facts, where the main thread only waits). One task per
   * event-loop turn, so that the workers' replies are handled between them
   * (and finalizers free dead trees). */
  private async help(): Promise<void> {
    if (this.helping || this.mainBusy || !this.queue.length) return;
    this.helping = true;
    try {
      this.runInProcess ??= (await import('./tasks.js')).runTask;
      for (let at = this.nextHere(); at >= 0 && !this.mainBusy; at = this.nextHere()) {
        const task = this.queue.splice(at, 1)[0];
        const { outcome, kept } = this.runHere(task.input);
        this.tookHere++;
        if (kept) this.keeper.set(task.input.file, MAIN);
        task.resolve(outcome);
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.helping = false;
    }
  }

  /** The task the main thread takes next (see `next`). */
  private nextHere(): number {
    for (let i = 0; i < this.queue.length; i++) {
      const keeper = this.keeper.get(this.queue[i].input.file);
      if (!keeper || keeper === MAIN) return i;
    }
    return -1;
  }

  private start(): void {
    if (this.slots.length) return;
    const script = workerScript();
    // The main thread is one of the threads that extract.
    for (let i = 0; i < this.jobs - 1; i++) this.slots.push(this.spawn(script));
  }

  private spawn(script: string): Slot {
    // A small young generation: V8 would otherwise reserve tens of megabytes
    // per thread for it, and a run's memory is mostly these threads' heaps.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, running: new Map(), load: 0 };
    worker.on('message', (reply: ExtractReply) => {
      const task = slot.running.get(reply.id);
      if (!task) return;
      slot.running.delete(reply.id);
      slot.load -= weight(task.input);
      if ('kept' in reply && reply.kept) this.keeper.set(task.input.file, slot);
      if (!slot.running.size && !this.queue.length) worker.unref();
      if ('error' in reply) task.resolve({ file: task.input.file, error: reply.error });
      else {
        task.resolve({ file: task.input.file, facts: JSON.parse(reply.json) as FileFacts });
      }
      this.feed(slot);
    });
    // A worker that dies takes its running files with it; the others go on in a fresh worker.
    const replace = (why: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0) return;
      for (const task of slot.running.values()) task.resolve({ file: task.input.file, error: why });
      slot.running.clear();
      for (const had of this.had.values()) {
        had.slots.delete(slot);
        had.shaped.delete(slot);
      }
      for (const [file, keeper] of this.keeper) if (keeper === slot) this.keeper.delete(file);
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

  /** While `on`, the main thread takes no tasks: it keeps its core for
   * work of its own that the workers wait for (outlining the files). */
  keepCore(on: boolean): void {
    this.mainBusy = on;
    if (!on) void this.help();
  }

  private feed(slot: Slot): void {
    while (slot.running.size < IN_FLIGHT_MAX && (!slot.running.size || slot.load < IN_FLIGHT_BYTES)) {
      const at = this.next(slot);
      if (at < 0) break;
      const task = this.queue.splice(at, 1)[0];
      const file = task.input.file;
      // A worker keeps the texts it was sent: the same text goes once.
      let had = this.had.get(file);
      if (had?.text !== task.input.text) this.had.set(file, (had = { text: task.input.text, slots: new Set(), shaped: new Set() }));
      const known = had.slots.has(slot);
      had.slots.add(slot);
      slot.running.set(task.id, task);
      slot.load += weight(task.input);
      slot.worker.ref();
      const request: ExtractRequest = { id: task.id, file, want: task.input.want ?? 'whole' };
      if (!known) request.text = task.input.text;
      // Only parts are read in windows; the shape goes once with the text.
      if (task.input.shape && typeof request.want !== 'string' && !had.shaped.has(slot)) {
        had.shaped.add(slot);
        request.shape = shapeOf(task.input.shape);
      }
      slot.worker.postMessage(request);
    }
  }

  /** The task this worker takes next: the first in the queue's order (see
   * `priority`) that is not for a file whose tree another thread keeps. -1 if none. */
  private next(slot: Slot): number {
    for (let i = 0; i < this.queue.length; i++) {
      const keeper = this.keeper.get(this.queue[i].input.file);
      if (!keeper || keeper === slot) return i;
    }
    return -1;
  }
}

/** Which task goes first, lowest first: parts before whole files (a part is
 * often what the caller waits for to ask for more), the smallest part first,
 * the largest whole file first (the last to finish is then a small one);
 * the same key, in the order asked. */
function priority(input: ExtractInput): number {
  const want = input.want;
  return !want || typeof want === 'string' || want.parseWhole ? WHOLE_FIRST - weight(input) : weight(input);
}

/** About how long an input takes: its bytes, or those of the parts wanted. */
function weight(input: ExtractInput): number {
  const want = input.want;
  // A string is a whole file (see Want).
  if (!want || typeof want === 'string') return input.text.length;
  return lengthOf(want.ranges);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
