/**
 * `kesu backtest <policy> --company <id> [--from --to] [--sample N]`: the local policy sent as the
 * draft to compare (the server's stored draft is left alone), progress on stderr, the report's
 * totals and tables on stdout.
 */
import type { BacktestLine } from '../http/contract/backtest.ts';
import type { BacktestSummary } from '../domain/backtest/index.ts';
import { say } from './cli-messages.ts';
import type { CliCommand, CliIo } from './cli-io.ts';
import { formatBacktest } from './format-backtest.ts';
import { loadPolicy } from './load-policy.ts';
import { UsageError } from './parse-args.ts';
import { remoteOf } from './remote-commands.ts';
import { createProgress, type Progress } from './progress.ts';
import { failure, RemoteError, unreachable, type Remote } from './remote.ts';

/** Posts the backtest and reads its NDJSON answer line by line. @throws RemoteError */
async function streamBacktest(
  remote: Remote,
  company: string,
  body: Record<string, unknown>,
  onLine: (line: BacktestLine) => void,
): Promise<void> {
  let response: Response;
  try {
    response = await remote.fetch(`${remote.url}/api/companies/${company}/policy/draft/backtest`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${remote.token}`,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw unreachable(remote, error);
  }
  if (response.status !== 200 || !response.body) {
    const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw failure(remote, 'stepBacktest', { status: response.status, json });
  }
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) onLine(JSON.parse(line) as BacktestLine);
  }
  if (pending.trim()) onLine(JSON.parse(pending) as BacktestLine);
}

function bodyOf(flags: Record<string, string>, document: unknown, lang: 'zh-CN' | 'en') {
  const sample = flags.sample === undefined ? undefined : Number(flags.sample);
  if (sample !== undefined && !Number.isInteger(sample))
    throw new UsageError(say(lang, 'missingArgument', '--sample <N>'));
  return {
    document,
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.to !== undefined ? { to: flags.to } : {}),
    ...(sample !== undefined ? { sample } : {}),
  };
}

function reporter(io: CliIo, lang: 'zh-CN' | 'en') {
  let progress: Progress | undefined;
  let seen = 0;
  let report: BacktestSummary | undefined;
  const onLine = (line: BacktestLine) => {
    if (line.type === 'progress') {
      progress ??= createProgress(io, line.total, lang, Date.now, 'backtestProgress');
      progress.advance(line.done - seen);
      seen = line.done;
    } else if (line.type === 'report') report = line.report;
    else
      throw new RemoteError(
        `${say(lang, 'stepBacktest')}: ${line.error.code} ${line.error.message}`,
      );
  };
  return { onLine, finish: () => (progress?.finish(), report) };
}

/** `kesu backtest`: exit 0 with the report, 2 when the server refuses. @throws UsageError */
export const backtest: CliCommand = async (parsed, deps, io) => {
  const company = parsed.flags.company;
  if (!company) throw new UsageError(say(deps.lang, 'missingArgument', '--company'));
  const { document, name } = loadPolicy(parsed.args[0], deps.lang);
  const body = bodyOf(parsed.flags, document, deps.lang);
  const { onLine, finish } = reporter(io, deps.lang);
  await streamBacktest(remoteOf(parsed, deps, io), company, body, onLine);
  const report = finish();
  if (!report) throw new RemoteError(say(deps.lang, 'backtestNoReport'));
  for (const line of formatBacktest(report, company, name, deps.lang)) io.out(line);
  return 0;
};
