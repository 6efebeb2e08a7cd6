// The yardstick: parse files with tree-sitter and nothing else (not even
// fpcast's masking of the text, see src/extract/mask.ts), on one thread or
// on worker threads, the way fpcast reads and hands out files (read in the
// main thread, largest first, text to the workers, each tree dropped as
// soon as it is made).
//
//   node dist/bench/raw-parse.js --threads N --list FILE   (FILE: one path per line)

import { readFileSync } from 'node:fs';
import { parentPort, Worker, isMainThread } from 'node:worker_threads';
import Parser from 'tree-sitter';
import C from 'tree-sitter-c';

let parser: Parser | undefined;

function parseOne(text: string): number {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(C as unknown as Parser.Language);
  }
  // As fpcast parses: the default 32 KiB input buffer fails on long files.
  return parser.parse(text, null, { bufferSize: Math.max(32 * 1024, text.length + 1) }).rootNode.endIndex;
}

async function inThisThread(texts: string[]): Promise<void> {
  for (const [i, text] of texts.entries()) {
    parseOne(text);
    // Native trees are freed by finalizers, which need an event-loop turn.
    if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function inWorkers(texts: string[], threads: number): Promise<void> {
  const queue = [...texts].sort((a, b) => b.length - a.length);
  await Promise.all(
    Array.from({ length: threads }, () => {
      const worker = new Worker(new URL(import.meta.url));
      return new Promise<void>((resolve, reject) => {
        let inFlight = 0;
        const feed = () => {
          while (inFlight < 2 && queue.length) {
            worker.postMessage(queue.shift());
            inFlight++;
          }
          if (!inFlight) void worker.terminate().then(() => resolve());
        };
        worker.on('message', () => {
          inFlight--;
          feed();
        });
        worker.on('error', reject);
        feed();
      });
    }),
  );
}

if (isMainThread) {
  const args = process.argv.slice(2);
  const value = (name: string) => args[args.indexOf(`--${name}`) + 1];
  const threads = Number(value('threads') ?? 1);
  const list = value('list');
  if (!list || !(threads >= 1)) {
    process.stderr.write('usage: raw-parse.js --threads N --list FILE\n');
    process.exit(2);
  }
  const texts = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((file) => readFileSync(file).toString('latin1'));
  await (threads === 1 ? inThisThread(texts) : inWorkers(texts, threads));
} else {
  parentPort!.on('message', (text: string) => parentPort!.postMessage(parseOne(text)));
}
