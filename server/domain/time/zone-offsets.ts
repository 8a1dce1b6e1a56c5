/**
 * A time zone's offset from UTC at any instant, read from Intl once per zone and stretch of time and
 * kept as the offset at the stretch's start plus the instants it changes (DST), so that calendar
 * arithmetic needs no Intl formatting on its hot path.
 */
import { DomainError } from '../errors.ts';

const DAY_MS = 86_400_000;
/** The stretch of time read at once: 32 days, a month of daily samples. */
const BLOCK_MS = 32 * DAY_MS;

/** The offset at the block's start, then each change inside it: from `changes[i]` on, `offsets[i]`. */
type OffsetBlock = { offset: number; changes: number[]; offsets: number[] };

// Building a formatter is costly and a built one never changes: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const blocks = new Map<string, Map<number, OffsetBlock>>();
let lastZone: string | undefined;
let lastKey = NaN;
let lastBlock: OffsetBlock | undefined;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DomainError('policy_invalid', `unknown time zone: ${timeZone}`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** "MM/DD/YYYY, HH:MM:SS", what the formatter writes for years 0 onwards. */
const FORMATTED = /^(\d{2})\/(\d{2})\/(\d+), (\d{2}):(\d{2}):(\d{2})$/;

/** The offset as Intl reports it, in whole seconds (Intl shows no less). */
export function intlOffsetAt(ms: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  // format() is about three times faster than formatToParts(); the parts are the fallback.
  const match = FORMATTED.exec(formatter.format(ms));
  const field: Partial<Record<string, number>> = {};
  if (match) {
    const [month, day, year, hour, minute, second] = match.slice(1).map(Number);
    Object.assign(field, { month, day, year, hour, minute, second });
  } else {
    for (const part of formatter.formatToParts(ms)) field[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    field.year ?? NaN,
    (field.month ?? NaN) - 1,
    field.day,
    field.hour,
    field.minute,
    field.second,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The first whole second in (fromMs, toMs] whose offset is not `offset` (one change lies there). */
function findChange(fromMs: number, toMs: number, offset: number, timeZone: string): number {
  let low = Math.floor(fromMs / 1000);
  let high = Math.floor(toMs / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (intlOffsetAt(middle * 1000, timeZone) === offset) low = middle;
    else high = middle;
  }
  return high * 1000;
}

// Sampled daily: zones change offset at most a few times a year and never twice within a day, so
// a change shows as two daily samples that differ, and a binary search finds its second.
function readBlock(key: number, timeZone: string): OffsetBlock {
  const start = key * BLOCK_MS;
  const block: OffsetBlock = { offset: intlOffsetAt(start, timeZone), changes: [], offsets: [] };
  let offset = block.offset;
  for (let sample = start + DAY_MS; sample <= start + BLOCK_MS; sample += DAY_MS) {
    const next = intlOffsetAt(Math.min(sample, start + BLOCK_MS - 1000), timeZone);
    if (next === offset) continue;
    const change = findChange(
      sample - DAY_MS,
      Math.min(sample, start + BLOCK_MS - 1000),
      offset,
      timeZone,
    );
    block.changes.push(change);
    block.offsets.push(intlOffsetAt(change, timeZone));
    offset = next;
  }
  return block;
}

/** The zone's offset from UTC at an instant, in ms. @throws policy_invalid for an unknown zone */
export function offsetAt(ms: number, timeZone: string): number {
  const key = Math.floor(ms / BLOCK_MS);
  // Most readings in a row fall in the block read last (a case's times lie close together).
  let block = key === lastKey && timeZone === lastZone ? lastBlock : undefined;
  if (!block) {
    let zone = blocks.get(timeZone);
    if (!zone) blocks.set(timeZone, (zone = new Map()));
    block = zone.get(key);
    if (!block) {
      if (!Number.isFinite(ms)) return intlOffsetAt(ms, timeZone);
      block = readBlock(key, timeZone);
      zone.set(key, block);
    }
    lastZone = timeZone;
    lastKey = key;
    lastBlock = block;
  }
  let offset = block.offset;
  for (let i = 0; i < block.changes.length && (block.changes[i] ?? 0) <= ms; i += 1)
    offset = block.offsets[i] ?? offset;
  return offset;
}
