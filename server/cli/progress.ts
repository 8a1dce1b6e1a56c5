/** Progress of a long command on stderr: a bar redrawn in place on a terminal, else a line every few seconds. */
import type { Lang } from '../domain/policy/format.ts';
import { say, type MessageKey } from './cli-messages.ts';

/** Where progress goes: raw writes when stderr is a terminal. */
export type ProgressIo = { isTTY: boolean; write: (text: string) => void };

/** A running progress report: rows done so far, then the end. */
export type Progress = { advance: (rows: number) => void; finish: () => void };

const WIDTH = 30;
const LINE_EVERY_MS = 5_000;

/** A progress reporter for `total` rows; without a terminal it prints plain lines through `err`. */
export function createProgress(
  io: { err: (line: string) => void; progress?: ProgressIo },
  total: number,
  lang: Lang,
  now: () => number = Date.now,
  message: Extract<
    MessageKey,
    'importProgress' | 'importCheckProgress' | 'copyProgress' | 'backtestProgress'
  > = 'importProgress',
): Progress {
  const started = now();
  let done = 0;
  let lastLine = started;
  const rate = () => Math.round(done / Math.max((now() - started) / 1000, 0.001));
  const tty = io.progress?.isTTY ? io.progress : undefined;
  const draw = () => {
    if (!tty) return;
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    tty.write(`\r${bar} ${say(lang, message, done, total, rate())}`);
  };
  return {
    advance(rows) {
      done += rows;
      if (tty) return draw();
      if (now() - lastLine >= LINE_EVERY_MS || done >= total) {
        lastLine = now();
        io.err(say(lang, message, done, total, rate()));
      }
    },
    finish() {
      if (tty) {
        draw();
        tty.write('\n');
      }
    },
  };
}
