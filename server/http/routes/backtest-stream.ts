/**
 * POST …/policy/draft/backtest: bad input and access are answered as usual errors; then the run
 * streams NDJSON — a progress line a batch, and the report last. Closing the connection (the
 * client aborting) cancels the run.
 */
import type { Context } from 'hono';
import { prepareBacktest, type BacktestInput } from '../../app/policies/backtest.ts';
import { CodedError } from '../../domain/coded-error.ts';
import type { BacktestLine } from '../contract/backtest.ts';
import { isErrorCode } from '../error-status.ts';
import { HttpError } from '../http-error.ts';
import { ERROR_MESSAGES } from '../messages/error-messages.ts';
import { presentBacktest } from '../presenters/index.ts';
import { optionalString, readBody, requestContext, type Env } from '../request.ts';

async function backtestInput(c: Context<Env>): Promise<BacktestInput> {
  const body = await readBody(c, ['from', 'to', 'sample', 'document']);
  const from = optionalString(body, 'from');
  const to = optionalString(body, 'to');
  const { sample, document } = body;
  if (sample !== undefined && typeof sample !== 'number')
    throw new HttpError('invalid_body', 'sample must be a number', [
      { property: '.sample', message: 'must be a number' },
    ]);
  return {
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(sample !== undefined ? { sample } : {}),
    ...(document !== undefined ? { document } : {}),
  };
}

function errorLine(error: unknown, lang: 'zh-CN' | 'en', requestId: string): BacktestLine {
  if (error instanceof CodedError && isErrorCode(error.code))
    return {
      type: 'error',
      error: { code: error.code, message: ERROR_MESSAGES[error.code][lang] },
    };
  console.error(`[${requestId}]`, error);
  return {
    type: 'error',
    error: { code: 'internal_error', message: ERROR_MESSAGES.internal_error[lang] },
  };
}

/** The backtest route's handler. */
export async function backtestHandler(c: Context<Env>): Promise<Response> {
  const context = await requestContext(c);
  const input = await backtestInput(c);
  const run = await prepareBacktest(c.get('deps'), context, c.req.param('company') ?? '', input);
  const abort = new AbortController();
  c.req.raw.signal.addEventListener('abort', () => abort.abort(), { once: true });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: BacktestLine) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(JSON.stringify(line) + '\n'));
      };
      try {
        const report = await run({
          signal: abort.signal,
          onProgress: ({ done, total }) => send({ type: 'progress', done, total }),
        });
        send({ type: 'report', report: presentBacktest(report) });
      } catch (error) {
        if (!abort.signal.aborted) send(errorLine(error, context.lang, c.get('requestId')));
      }
      try {
        controller.close();
      } catch {
        // The client cancelled the body: the stream is closed already.
      }
    },
    cancel() {
      abort.abort();
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' },
  });
}
