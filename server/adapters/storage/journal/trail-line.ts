/**
 * A case's replay trail at the head of its journal lines. Each line that writes a case version
 * starts with the case's whole trail so far — `{"trail":[…],"case":…,"audit":[…]}` — so a pass
 * over many cases (a backtest) reads one line a case and decodes only its first few kilobytes,
 * never the case written beside it nor its earlier lines.
 */
import { trailOf, type TrailEntry } from '../../../app/ports/audit-trail.ts';
import type { AuditEntry } from '../../../app/ports/ports.ts';

/** How a line with a trail starts. */
const TRAIL_HEAD = Buffer.from('{"trail":[', 'utf8');
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The trail after a write: the one before it and the write's entries of this case. Undefined when
 * the one before is unknown (a case written before trails were kept): a trail is whole or absent.
 */
export function nextTrail(
  before: TrailEntry[] | undefined,
  caseId: string,
  audit: readonly AuditEntry[] | undefined,
): TrailEntry[] | undefined {
  if (!before) return undefined;
  const added = trailOf((audit ?? []).filter((entry) => entry.caseId === caseId));
  return added.length === 0 ? before : [...before, ...added];
}

/**
 * The byte range of the trail array in a line, found by matching brackets (JSON escapes every
 * quote and backslash inside strings, and no byte of a multi-byte UTF-8 character is ASCII).
 * Undefined when the line does not start with a trail.
 */
export function trailRange(line: Uint8Array): readonly [start: number, end: number] | undefined {
  if (!startsWithTrail(line)) return undefined;
  const start = TRAIL_HEAD.length - 1;
  let depth = 0;
  let inString = false;
  for (let index = start; index < line.length; index += 1) {
    const byte = line[index]!;
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN || byte === OPEN_OBJECT) depth += 1;
    else if (byte === CLOSE || byte === CLOSE_OBJECT) {
      depth -= 1;
      if (depth === 0) return [start, index + 1];
    }
  }
  return undefined;
}

/** Whether a line (or its first bytes) starts with a trail. */
export function startsWithTrail(line: Uint8Array): boolean {
  if (line.length < TRAIL_HEAD.length) return false;
  for (let index = 0; index < TRAIL_HEAD.length; index += 1)
    if (line[index] !== TRAIL_HEAD[index]) return false;
  return true;
}

/**
 * The trail at the head of a line's bytes (undefined when it has none, or when they are the
 * line's first bytes only and the trail goes on past them).
 * @throws SyntaxError when it is damaged
 */
export function readTrail(line: Buffer): TrailEntry[] | undefined {
  const text = trailText(line);
  return text === undefined ? undefined : (JSON.parse(text) as TrailEntry[]);
}

/** The JSON text of the trail at the head of a line's bytes, undefined as for readTrail. */
export function trailText(line: Buffer): string | undefined {
  const range = trailRange(line);
  return range && line.toString('utf8', range[0], range[1]);
}
