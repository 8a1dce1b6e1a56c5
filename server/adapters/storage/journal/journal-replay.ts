/**
 * Reading a journal back on start: every complete line from a position on, parsed, with its place.
 * A torn last line (a crash in the middle of a write, never acknowledged) is cut off; a line that
 * is not valid JSON anywhere else stops the start with the file and line named, never dropped.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { listSegments, segmentName, type Place, type Position } from './journal-writer.ts';

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;

/** Told each complete line from the position on, parsed, in the order written (awaited). */
export type LineVisitor = (record: unknown, place: Place) => void | Promise<void>;

/** The 1-based line number of the line starting at `offset` in a file (for error messages). */
async function lineNumber(file: string, offset: number): Promise<number> {
  const bytes = await readFile(file);
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === NEWLINE) line += 1;
  return line;
}

/**
 * Visits every line of the journal in `folder` from `from` on and returns where the next line
 * goes. A torn last line of the last segment with data is truncated away (and the truncation made
 * durable).
 * @throws Error naming the file and line when a complete line is not valid JSON, when a segment
 *   other than the last ends in a torn line, or when `from` lies beyond the journal's end
 */
export async function replayJournal(
  folder: string,
  from: Position,
  visit: LineVisitor,
): Promise<Position> {
  const segments = (await listSegments(folder)).filter((segment) => segment >= from[0]);
  let end: Position = from;
  for (const [index, segment] of segments.entries()) {
    const file = join(folder, segmentName(segment));
    const start = segment === from[0] ? from[1] : 0;
    const handle = await open(file, 'r+');
    try {
      const { size } = await handle.stat();
      if (size < start)
        throw new Error(`${file} is shorter (${size} bytes) than its index says (${start})`);
      const complete = await visitLines(handle, file, start, size, visit);
      if (complete < size) {
        const later = segments.slice(index + 1);
        if (await anyData(folder, later)) {
          throw new Error(
            `${file} ends in a torn line at byte ${complete}, but later segments follow`,
          );
        }
        await handle.truncate(complete);
        await handle.sync();
      }
      if (complete > 0 || segment === from[0]) end = [segment, complete];
    } finally {
      await handle.close();
    }
  }
  return end;
}

async function anyData(folder: string, segments: number[]): Promise<boolean> {
  for (const segment of segments) {
    const handle = await open(join(folder, segmentName(segment)), 'r');
    try {
      if ((await handle.stat()).size > 0) return true;
    } finally {
      await handle.close();
    }
  }
  return false;
}

/** Visits the complete lines between `start` and `size`; returns the end of the last one. */
async function visitLines(
  handle: FileHandle,
  file: string,
  start: number,
  size: number,
  visit: LineVisitor,
): Promise<number> {
  const segment = Number(/(\d{6})\.jsonl$/.exec(file)?.[1]);
  let carry: Buffer = Buffer.alloc(0);
  let carryAt = start;
  let position = start;
  const buffer = Buffer.allocUnsafe(CHUNK);
  while (position < size) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, size - position), position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data = carry.length ? Buffer.concat([carry, buffer.subarray(0, bytesRead)]) : buffer;
    const length = carry.length ? data.length : bytesRead;
    let lineStart = 0;
    for (let newline = data.indexOf(NEWLINE, 0); newline !== -1 && newline < length;) {
      const text = data.toString('utf8', lineStart, newline);
      const place: Place = [segment, carryAt + lineStart, newline + 1 - lineStart];
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch (error) {
        const line = await lineNumber(file, place[1]);
        throw new Error(`${file} line ${line} is not valid JSON (${(error as Error).message})`, {
          cause: error,
        });
      }
      const visited = visit(record, place);
      if (visited) await visited;
      lineStart = newline + 1;
      newline = data.indexOf(NEWLINE, lineStart);
    }
    carry = Buffer.from(data.subarray(lineStart, length));
    carryAt += lineStart;
  }
  return carryAt;
}
