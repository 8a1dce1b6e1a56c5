/**
 * A backtest's replay thread: takes batches of cases from the thread that reads them, replays
 * each under its version and the draft (compiled once here, on first use, and kept for the whole
 * backtest) and sends the results back in order. Started by replay-threads.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  replayInThread,
  type ReplaySetup,
  type ReplayTask,
} from '../../app/policies/backtest-replay.ts';
import type { Policy } from '../../domain/policy/format.ts';
import { createAjvValidator } from '../validation/ajv-validator.ts';

/**
 * A batch to replay, with the versions this thread was not given before and whether the outcomes
 * of changed cases go back with them.
 */
export type ReplayRequest = {
  id: number;
  tasks: ReplayTask[];
  versions: [number, Policy][];
  outcomes: boolean;
};

/** A batch's results, or the error that stopped it. */
export type ReplayAnswer =
  | { id: number; results: Awaited<ReturnType<ReturnType<typeof replayInThread>['replay']>> }
  | { id: number; error: { message: string; stack?: string } };

const port = parentPort;
if (port) {
  const replayer = replayInThread(createAjvValidator(), workerData as ReplaySetup);
  const versions = new Map<number, Policy>();
  port.on('message', (request: ReplayRequest) => {
    for (const [number, policy] of request.versions) versions.set(number, policy);
    replayer.replay(request.tasks, versions, { outcomes: request.outcomes }).then(
      (results) => port.postMessage({ id: request.id, results } satisfies ReplayAnswer),
      (error: unknown) => {
        const { message, stack } = error instanceof Error ? error : new Error(String(error));
        port.postMessage({ id: request.id, error: { message, stack } } satisfies ReplayAnswer);
      },
    );
  });
}
