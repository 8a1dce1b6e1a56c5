/**
 * Backtest replays spread over worker threads (one a core by default): each thread compiles the
 * draft and the versions once; each batch goes to the thread with the fewest cases waiting, and
 * its results come back in its order. Threads start with the backtest and stop with it (or when it
 * is cancelled).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  BacktestReplayer,
  ReplayOptions,
  ReplayResult,
  ReplaySetup,
  ReplayTask,
  StartReplayer,
} from '../../app/policies/backtest-replay.ts';
import type { Policy } from '../../domain/policy/format.ts';
import type { ReplayAnswer, ReplayRequest } from './replay-thread.ts';

/** How many threads, and from how many cases a backtest uses them. */
export type ReplayThreadOptions = {
  /** Threads a backtest replays in; by default one a core. Fewer than 2: none (this thread). */
  threads?: number;
  /** Below this many cases a backtest replays in its own thread (starting threads costs ~1 s). */
  minCases?: number;
};

const SCRIPT = new URL('./replay-thread.ts', import.meta.url).href;
/** The old generation a replay thread may grow to. */
const THREAD_HEAP_MB = 256;
/**
 * Its young generation: a replay makes many short-lived objects, and a bounded old generation
 * would otherwise get a small one (many more collections, ~10% slower replays as measured).
 */
const THREAD_YOUNG_MB = 96;

/**
 * What a thread runs: the TypeScript loader registered first (Node 20 loads a worker's entry
 * before an inherited `--import` could), then the script.
 */
function bootstrap(): string {
  const loader = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(loader)})
    .then(({ register }) => register())
    .then(() => import(${JSON.stringify(SCRIPT)}));`;
}

type Waiting = { resolve: (results: ReplayResult[]) => void; reject: (error: unknown) => void };

/** One replay thread and the batches it has been given. */
class ReplayThread {
  readonly #worker: Worker;
  readonly #sent = new Set<number>();
  readonly #waiting = new Map<number, Waiting>();
  #next = 0;
  #failure: Error | undefined;
  /** Cases sent and not yet answered. */
  waitingCases = 0;

  constructor(setup: ReplaySetup) {
    // A thread holds the batches it is given (up to four of a backtest) and the compiled versions:
    // a bounded heap makes it collect early rather than grow to the process's default.
    this.#worker = new Worker(bootstrap(), {
      eval: true,
      workerData: setup,
      resourceLimits: {
        maxOldGenerationSizeMb: THREAD_HEAP_MB,
        maxYoungGenerationSizeMb: THREAD_YOUNG_MB,
      },
    });
    this.#worker.on('message', (answer: ReplayAnswer) => {
      const waiting = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      if ('results' in answer) waiting?.resolve(answer.results);
      else waiting?.reject(Object.assign(new Error(answer.error.message), answer.error));
    });
    this.#worker.on('error', (error) => this.#fail(error));
    this.#worker.on('exit', (code) => this.#fail(new Error(`replay thread exited (${code})`)));
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }

  /** Replays `tasks` in this thread, sending it the versions it was not given before. */
  replay(
    tasks: ReplayTask[],
    versions: ReadonlyMap<number, Policy>,
    outcomes: boolean,
  ): Promise<ReplayResult[]> {
    if (tasks.length === 0) return Promise.resolve([]);
    if (this.#failure) return Promise.reject(this.#failure);
    const fresh: [number, Policy][] = [];
    for (const { policyVersion } of tasks) {
      if (this.#sent.has(policyVersion)) continue;
      const policy = versions.get(policyVersion);
      if (!policy) return Promise.reject(new Error(`version ${policyVersion} was not given`));
      this.#sent.add(policyVersion);
      fresh.push([policyVersion, policy]);
    }
    const id = this.#next++;
    this.waitingCases += tasks.length;
    const answered = new Promise<ReplayResult[]>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, tasks, versions: fresh, outcomes } satisfies ReplayRequest);
    });
    return answered.finally(() => {
      this.waitingCases -= tasks.length;
    });
  }

  async stop(): Promise<void> {
    this.#failure ??= new Error('replay thread stopped');
    await this.#worker.terminate();
  }
}

/** A pool of `count` threads: each batch goes whole to the thread with the fewest cases waiting. */
function replayPool(setup: ReplaySetup, count: number): BacktestReplayer {
  const threads = Array.from({ length: count }, () => new ReplayThread(setup));
  return {
    replay: async (batch, versions, { outcomes, signal }: ReplayOptions) => {
      signal?.throwIfAborted();
      const thread = threads.reduce((a, b) => (b.waitingCases < a.waitingCases ? b : a));
      const answered = thread.replay(batch, versions, outcomes);
      if (!signal) return answered;
      // Cancelling stops waiting at once; the backtest then closes the pool, stopping the threads.
      const aborted = new Promise<never>((_, reject) => {
        const stop = () => reject(signal.reason);
        signal.addEventListener('abort', stop, { once: true });
        void answered
          .finally(() => signal.removeEventListener('abort', stop))
          .catch(() => undefined);
      });
      return Promise.race([answered, aborted]);
    },
    close: async () => {
      await Promise.all(threads.map((thread) => thread.stop()));
    },
  };
}

/** Starts replay threads for backtests of at least `minCases` cases. */
export function replayThreads(options: ReplayThreadOptions = {}): StartReplayer {
  const count = options.threads ?? availableParallelism();
  const minCases = options.minCases ?? 2000;
  return (setup, cases) => (count < 2 || cases < minCases ? undefined : replayPool(setup, count));
}
