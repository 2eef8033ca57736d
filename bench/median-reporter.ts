import type { Reporter, TestModule } from 'vitest/node';

/** Prints each benchmark's median time per run (the figure docs/performance.md quotes), after vitest's table. */
export default class MedianReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]) {
    const lines: string[] = [];
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        // Vitest computes the median of each benchmark's samples; the table shows mean and percentiles.
        const task = (test as unknown as { task: { result?: { benchmark?: { median?: number; sampleCount?: number } } } }).task;
        const result = task.result?.benchmark;
        if (result?.median === undefined) continue;
        lines.push(`${test.fullName.padEnd(100)} median ${result.median.toFixed(3)} ms (${result.sampleCount ?? '?'} runs)`);
      }
    }
    if (lines.length > 0) console.log(`\nMedians\n${lines.join('\n')}`);
  }
}
