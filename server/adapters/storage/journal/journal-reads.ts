/**
 * The embedded store's queries, scans and audit reads: conditions on the index in memory, bodies
 * read from the journal only for the cases returned (and, for a text search, in bounded batches).
 */
import type {
  AuditEntry,
  CaseFilter,
  CaseOrder,
  CasePage,
  StoredCase,
} from '../../../app/ports/ports.ts';
import { caseTest, compareNumbers, matchesAll, matchesFilter } from '../case-filter.ts';
import type { RankedValue } from '../scan-batches.ts';
import type { CompanyJournal } from './company-journal.ts';
import type { CaseEntry } from './case-entry.ts';
import type { JournalRecord } from './journal-index.ts';
import { caseHeadOf, trailOf, type CaseHead } from '../../../app/ports/audit-trail.ts';

/** Past this many (a deep page), a page's cases are found by sorting all instead of selecting. */
const SELECT_AT_MOST = 1000;

/** Bodies read at once for a text search or a scan batch. */
const READ_BATCH = 256;

/**
 * Whether a line's raw text can hold `text` where its parsed form does: true unless `text` has a
 * character JSON escapes (quote, backslash, control characters), in which case lines are parsed.
 */
function findableRaw(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x22 || code === 0x5c) return false;
  }
  return true;
}

/** The cases of `entries` whose body matches the whole filter (text included), in order. */
async function matchingText(
  journal: CompanyJournal,
  entries: CaseEntry[],
  filter: CaseFilter,
): Promise<CaseEntry[]> {
  const text = filter.text ?? '';
  const raw = findableRaw(text);
  const found: CaseEntry[] = [];
  for (let start = 0; start < entries.length; start += READ_BATCH) {
    const batch = entries.slice(start, start + READ_BATCH);
    const matches = await Promise.all(
      batch.map(async (entry) => {
        if (entry.stored.case.number.includes(text)) return true;
        const line = await journal.readText(entry.place);
        // Most lines do not hold the text at all: those are not parsed.
        if (raw && !line.includes(text)) return false;
        const stored = (JSON.parse(line) as JournalRecord).case;
        return stored !== undefined && matchesFilter(stored, entry, filter);
      }),
    );
    matches.forEach((match, index) => match && found.push(batch[index]!));
  }
  return found;
}

/** The filter without its text search: what the index alone can answer. */
function indexFilter(filter: CaseFilter): CaseFilter {
  const { text: _text, textExcept: _except, ...rest } = filter;
  return rest;
}

/** One page of the company's cases matching the filter, in the order asked, and the total. */
export async function queryCases(
  journal: CompanyJournal,
  filter: CaseFilter,
  order: CaseOrder,
  page: { offset: number; limit: number },
): Promise<CasePage> {
  const test = caseTest(indexFilter(filter));
  const cases = journal.index.cases;
  const end = page.offset + Math.max(0, page.limit);
  let matching: CaseEntry[];
  let total: number;
  if (filter.text === undefined && order === 'received') {
    // The index holds the cases in the order received: only the page's entries are kept.
    matching = [];
    total = 0;
    for (const entry of cases) {
      if (test !== matchesAll && !test(entry.stored, entry)) continue;
      if (total >= page.offset && total < end) matching.push(entry);
      total += 1;
    }
  } else {
    if (test === matchesAll && filter.text === undefined && order === 'due') {
      // Every case, soonest due first: chosen from the packed due times, no entry touched.
      const ranks = firstDueRanks(journal.index.moments.due, cases.length, end).slice(page.offset);
      return {
        items: await Promise.all(ranks.map((rank) => journal.readCase(cases[rank]!.place))),
        total: cases.length,
      };
    }
    matching = test === matchesAll ? cases : cases.filter((entry) => test(entry.stored, entry));
    if (filter.text !== undefined) {
      // Bodies are read in batches to test the text and then dropped: memory stays bounded.
      matching = await matchingText(journal, matching, filter);
    }
    total = matching.length;
    // Only the first `end` in order are kept, not every match sorted.
    matching = firstInOrder(matching, order, end).slice(page.offset);
  }
  return {
    items: await Promise.all(matching.map((entry) => journal.readCase(entry.place))),
    total,
  };
}

/** The first `count` entries in the order asked (entries are in the order received). */
function firstInOrder(entries: CaseEntry[], order: CaseOrder, count: number): CaseEntry[] {
  if (order === 'due') return firstDue(entries, count);
  if (order === 'received') return entries.slice(0, count);
  return [...entries]
    .sort((a, b) => compareNumbers(a.stored, b.stored) || a.received - b.received)
    .slice(0, count);
}

/**
 * The ranks of the first `count` of `length` cases in the order "due", from their due times by
 * rank (Infinity when none; ties in the order received), as sorting them all would give.
 */
export function firstDueRanks(due: Float64Array, length: number, count: number): number[] {
  if (count <= 0) return [];
  if (count > SELECT_AT_MOST || count * 8 >= length) {
    const ranks = Array.from({ length }, (_, rank) => rank);
    // Infinity - Infinity is NaN: ties, those without a due time included, go by rank.
    return ranks.sort((a, b) => due[a]! - due[b]! || a - b).slice(0, count);
  }
  const best: number[] = [];
  for (let rank = 0; rank < length; rank += 1) {
    const at = due[rank]!;
    // A later rank never goes before an equal time: only a strictly sooner one is let in.
    if (best.length === count && !(at < due[best[count - 1]!]!)) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (at < due[best[middle]!]!) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, rank);
    if (best.length > count) best.pop();
  }
  return best;
}

/**
 * Whether entry `a` comes before `b` in the order "due": the earliest due first, those without
 * a due time last, ties in the order received (as the shared order compares).
 */
function dueBefore(a: CaseEntry, b: CaseEntry): boolean {
  const x = a.nextDue;
  const y = b.nextDue;
  if (x === y) return a.received < b.received;
  if (x === null) return false;
  return y === null || x < y;
}

/**
 * The first `count` entries in the order "due", as sorting them all would give: a bounded
 * selection into a small sorted array, O(n log count) and nothing allocated per entry.
 */
export function firstDue(entries: CaseEntry[], count: number): CaseEntry[] {
  if (count <= 0) return [];
  if (count > SELECT_AT_MOST || count * 8 >= entries.length) {
    return [...entries]
      .sort((a, b) => (dueBefore(a, b) ? -1 : dueBefore(b, a) ? 1 : 0))
      .slice(0, count);
  }
  const best: CaseEntry[] = [];
  for (const entry of entries) {
    if (best.length === count && !dueBefore(entry, best[count - 1]!)) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (dueBefore(entry, best[middle]!)) high = middle;
      else low = middle + 1;
    }
    best.splice(low, 0, entry);
    if (best.length > count) best.pop();
  }
  return best;
}

/** Up to `limit` cases matching the filter, received after rank `after`, with their bodies. */
export async function scanCases(
  journal: CompanyJournal,
  filter: CaseFilter,
  after: number,
  limit: number,
): Promise<RankedValue<StoredCase>[]> {
  const test = caseTest(indexFilter(filter));
  const cases = journal.index.cases;
  const found: RankedValue<StoredCase>[] = [];
  let next = after + 1;
  while (found.length < limit && next < cases.length) {
    const candidates: CaseEntry[] = [];
    while (candidates.length < Math.max(limit, READ_BATCH) && next < cases.length) {
      const entry = cases[next]!;
      next += 1;
      if (test(entry.stored, entry)) candidates.push(entry);
    }
    const matching =
      filter.text === undefined
        ? candidates.slice(0, limit - found.length)
        : (await matchingText(journal, candidates, filter)).slice(0, limit - found.length);
    const bodies = await Promise.all(matching.map((entry) => journal.readCase(entry.place)));
    bodies.forEach((stored, index) => {
      found.push({ rank: matching[index]!.received, value: stored });
    });
    if (filter.text === undefined) break;
  }
  return found;
}

/** As scanCases, only each case's head: read from the index, no body unless a text search asks. */
export async function scanHeads(
  journal: CompanyJournal,
  filter: CaseFilter,
  after: number,
  limit: number,
): Promise<RankedValue<CaseHead>[]> {
  if (filter.text !== undefined) {
    const found = await scanCases(journal, filter, after, limit);
    return found.map(({ rank, value }) => ({ rank, value: caseHeadOf(value) }));
  }
  const test = caseTest(filter);
  const cases = journal.index.cases;
  const found: RankedValue<CaseHead>[] = [];
  for (let next = after + 1; found.length < limit && next < cases.length; next += 1) {
    const entry = cases[next]!;
    if (test(entry.stored, entry)) found.push({ rank: next, value: caseHeadOf(entry.stored) });
  }
  return found;
}

/**
 * Several cases' replay trails as JSON text: each as the head of the case's latest line holds it
 * (one read, neither the trail nor the case beside it decoded), or for a case written before
 * trails were kept, made from its audit entries.
 */
export async function trailTextsOfCases(
  journal: CompanyJournal,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  const texts = await Promise.all(
    caseIds.map(async (id) => {
      const entry = journal.index.get(id);
      if (!entry) return '[]';
      const text = await journal.readTrailText(entry.place);
      return text ?? JSON.stringify(trailOf(await auditOfCase(journal, id)));
    }),
  );
  return new Map(caseIds.map((id, index) => [id, texts[index]!]));
}

/** The case's audit entries, in the order written. */
export async function auditOfCase(journal: CompanyJournal, caseId: string): Promise<AuditEntry[]> {
  const places = [...journal.index.auditPlaces(caseId)];
  const lines = await Promise.all(places.map((place) => journal.readAudit(place)));
  return lines.flatMap((audit) => audit.filter((entry) => entry.caseId === caseId));
}

/**
 * Several cases' audit entries, each case's in the order written. One case at a time: reading
 * and parsing the lines is the work here (not waiting on the disk), and holding many cases' lines
 * at once only makes the collector work harder (profiled: its share of the time nearly doubled).
 */
export async function auditOfCases(
  journal: CompanyJournal,
  caseIds: readonly string[],
): Promise<Map<string, AuditEntry[]>> {
  const found = new Map<string, AuditEntry[]>();
  for (const id of caseIds) found.set(id, found.get(id) ?? (await auditOfCase(journal, id)));
  return found;
}

/** Every audit entry of the company in the order written, in batches of at most `batchSize`. */
export async function* scanAudit(
  journal: CompanyJournal | undefined,
  batchSize: number,
): AsyncIterable<AuditEntry[]> {
  const size = Math.max(1, Math.floor(batchSize));
  let pending: AuditEntry[] = [];
  const lines = journal?.index.auditLines ?? [];
  for (let start = 0; journal && start < lines.length; start += 64) {
    const places = lines.slice(start, start + 64);
    const read = await Promise.all(
      places.map(([segment, offset, length]) => journal.readLine([segment, offset, length])),
    );
    for (const line of read) pending.push(...(line.audit ?? []));
    while (pending.length >= size) {
      yield pending.slice(0, size);
      pending = pending.slice(size);
    }
  }
  if (pending.length > 0) yield pending;
}
