/**
 * A local HTTP receiver for tests: records every request (path and query, headers, body) and
 * answers 200 with a JSON body, or 500 for the next `failNext` requests.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';

/** A request the receiver got, and the status it answered. */
export type Received = { url: string; headers: IncomingHttpHeaders; body: string; status: number };

export type WebhookReceiver = {
  url: string;
  received: Received[];
  /** Answers 500 to the next `count` requests. */
  failNext(count: number): void;
  /** The JSON body of 200 answers (a robot's `{"errcode":0}` by default). */
  answer(body: unknown): void;
  stop(): Promise<void>;
};

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  let failing = 0;
  let answer: unknown = { errcode: 0, errmsg: 'ok' };
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const status = failing > 0 ? 500 : 200;
      if (failing > 0) failing -= 1;
      received.push({ url: request.url ?? '', headers: request.headers, body, status });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? JSON.stringify(answer) : '{"error":"try later"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the receiver has no port');
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    received,
    failNext: (count) => void (failing = count),
    answer: (body) => void (answer = body),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
