// A worker thread of the extraction pool: receives files as text with what
// is wanted of them (see tasks.ts), returns FileFacts as JSON (parsing JSON
// is several times faster than the structured clone of the same objects, and
// the main thread is the one that waits). Syntax trees are made and dropped
// (or kept) here; they never cross threads.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { lengthOf } from './ranges.js';
import type { Shape } from './outline.js';
import { runTask, type TaskResult, type Want } from './tasks.js';

export interface ExtractRequest {
  id: number;
  file: string;
  /** The file's text, the first time this worker gets the file (it keeps it). */
  text?: string;
  /** The text's shape (see Shape), the first time it is sent for parts (kept with the text). */
  shape?: Shape;
  want: Want;
}

export type ExtractReply = { id: number; json: string; kept?: true } | { id: number; error: string };

if (!parentPort) throw new Error('fpcast: extract/worker.js runs as a worker thread of the extraction pool');
const port = parentPort;

// A syntax tree is native memory (10 to 20 times its file's size) behind a
// small JavaScript object, freed only when the garbage collector gets to that
// object; V8 does not see the native memory, so it would let hundreds of
// megabytes of dead trees pile up. Collect every few megabytes of source.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const COLLECT_EVERY = 2 * 1024 * 1024;
let sinceCollect = 0;

// Requests wait here, and each file is extracted in its own event-loop turn:
// the finalizers that free dead trees run only between turns, and messages
// that arrive together would otherwise be handled in one.
const queue: ExtractRequest[] = [];
let scheduled = false;

/** The texts of the files this worker has had (the pool sends each once), and their shapes. */
const texts = new Map<string, string>();
const shapes = new Map<string, Shape>();

/** Bytes of the trees a request leaves behind as garbage (trees kept for
 * later requests are not garbage). */
function garbageBytes(request: ExtractRequest, text: string, result: TaskResult): number {
  const want = request.want;
  // A string is a whole file (see Want).
  if (typeof want === 'string') return text.length;
  if (want.parseWhole || result.kept) return 0;
  return lengthOf(want.ranges);
}

function next(): void {
  scheduled = false;
  const request = queue.shift();
  if (!request) return;
  let reply: ExtractReply;
  let garbage = 0;
  try {
    if (request.text !== undefined) {
      texts.set(request.file, request.text);
      shapes.delete(request.file);
    }
    if (request.shape) shapes.set(request.file, request.shape);
    const text = texts.get(request.file);
    if (text === undefined) throw new Error(`the extraction worker was not sent the text of '${request.file}'`);
    const result = runTask(request.file, text, request.want, shapes.get(request.file));
    reply = { id: request.id, json: JSON.stringify(result.facts) };
    if (result.kept) reply.kept = true;
    garbage = garbageBytes(request, text, result);
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  sinceCollect += garbage;
  if (sinceCollect >= COLLECT_EVERY) {
    sinceCollect = 0;
    collect();
  }
  schedule();
}

function schedule(): void {
  if (scheduled || !queue.length) return;
  scheduled = true;
  setImmediate(next);
}

port.on('message', (request: ExtractRequest) => {
  queue.push(request);
  schedule();
});
