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
import { compareIn, matchesFilter } from '../case-filter.ts';
import type { RankedValue } from '../scan-batches.ts';
import type { CompanyJournal } from './company-journal.ts';
import type { CaseEntry, JournalRecord } from './journal-index.ts';

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
        return stored !== undefined && matchesFilter(stored, entry.moments, filter);
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
  const onIndex = indexFilter(filter);
  let matching = journal.index.cases.filter((entry) =>
    matchesFilter(entry.stored, entry.moments, onIndex),
  );
  if (filter.text !== undefined) {
    // Bodies are read in batches to test the text and then dropped: memory stays bounded.
    matching = await matchingText(journal, matching, filter);
  }
  matching.sort(compareIn(order));
  const items = matching.slice(page.offset, page.offset + Math.max(0, page.limit));
  return {
    items: await Promise.all(items.map((entry) => journal.readCase(entry.place))),
    total: matching.length,
  };
}

/** Up to `limit` cases matching the filter, received after rank `after`, with their bodies. */
export async function scanCases(
  journal: CompanyJournal,
  filter: CaseFilter,
  after: number,
  limit: number,
): Promise<RankedValue<StoredCase>[]> {
  const onIndex = indexFilter(filter);
  const cases = journal.index.cases;
  const found: RankedValue<StoredCase>[] = [];
  let next = after + 1;
  while (found.length < limit && next < cases.length) {
    const candidates: CaseEntry[] = [];
    while (candidates.length < Math.max(limit, READ_BATCH) && next < cases.length) {
      const entry = cases[next]!;
      next += 1;
      if (matchesFilter(entry.stored, entry.moments, onIndex)) candidates.push(entry);
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

/** The case's audit entries, in the order written. */
export async function auditOfCase(journal: CompanyJournal, caseId: string): Promise<AuditEntry[]> {
  const places = [...journal.index.auditPlaces(caseId)];
  const lines = await Promise.all(places.map((place) => journal.readLine(place)));
  return lines.flatMap((line) => (line.audit ?? []).filter((entry) => entry.caseId === caseId));
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
