/** Timing of repeated runs. */

export interface Summary {
  /** Milliseconds. */
  median: number;
  /** Milliseconds; the nearest-rank 95th percentile, so the maximum for fewer than 20 runs. */
  p95: number;
  runs: number;
}

/** Runs `work` once and returns its wall-clock time in milliseconds. */
export async function timeOnce(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] as number;
  return { median, p95, runs: sorted.length };
}
