// Loaded with `node --import` into every measured process: on exit, writes
// the process's own resource usage (CPU of all threads, peak RSS) where the
// benchmark runner asked, so that no `time` binary is needed.

import { writeFileSync } from 'node:fs';

const target = process.env.FPCAST_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ userCPUTime, systemCPUTime, maxRSS }));
  });
}
