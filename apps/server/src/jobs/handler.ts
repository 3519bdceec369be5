// The job handler type, apart from queue.ts so worker-loop.ts can use it without importing
// the queue that imports the loop (no cycle).
export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;
