/**
 * Runs tasks one after another, in the order they were queued. The vault's read-modify-write
 * cycles go through one of these so that two writers never overwrite each other's update.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = tail.then(task, task);
    // A failed task must not poison the ones queued after it.
    tail = run.catch(() => undefined);
    return run;
  };
}
