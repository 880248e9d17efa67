/** Measuring the steps of a build for `casebook build --timings`, at no cost when nobody listens. */

/** Something told how long each step took. */
export interface StepListener {
  onStep?: (step: string, ms: number) => void
}

/** Runs `work` as step `step`, telling `listener.onStep` (when there is one) how long it took. */
export async function timed<T>(listener: StepListener, step: string, work: () => Promise<T>): Promise<T> {
  if (!listener.onStep) return work()
  const start = performance.now()
  try {
    return await work()
  } finally {
    listener.onStep(step, performance.now() - start)
  }
}
