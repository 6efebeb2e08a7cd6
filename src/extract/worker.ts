// A worker thread of the extraction pool: receives files as text, returns
// their FileFacts as JSON (parsing JSON is several times faster than the
// structured clone of the same objects, and the main thread is the one that
// waits). Syntax trees are made and dropped here; they never cross threads.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { extractFacts } from './extract.js';

export interface ExtractRequest {
  id: number;
  file: string;
  text: string;
}

export type ExtractReply = { id: number; json: string } | { id: number; error: string };

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

function next(): void {
  scheduled = false;
  const request = queue.shift();
  if (!request) return;
  let reply: ExtractReply;
  try {
    reply = { id: request.id, json: JSON.stringify(extractFacts(request.file, request.text)) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  sinceCollect += typeof request.text === 'string' ? request.text.length : 0;
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
