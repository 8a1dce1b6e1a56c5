/**
 * A case as the embedded store's index holds it, and the moments of every case packed by rank:
 * at 100,000 cases an object, a tuple or a boxed number less per case is megabytes less to hold
 * and to allocate on each start.
 */
import type { CaseMoments } from '../../../domain/case/case-index.ts';
import type { CaseSummary } from './case-summary.ts';
import type { Place } from './journal-writer.ts';

/** A longer copy of `values` (the new part zero). */
function grown(values: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const longer = new Float64Array(size);
  longer.set(values);
  return longer;
}

/** Every case's moments by rank, in packed arrays (Infinity for none): no number object each. */
export class MomentTable {
  /** Next due time by rank: the order "due" over every case reads only this. */
  due = new Float64Array(1024);
  warning = new Float64Array(1024);
  sweep = new Float64Array(1024);

  /** Sets the moments of the case at `rank`. */
  set(rank: number, moments: CaseMoments): void {
    if (rank >= this.due.length) {
      const size = Math.max(rank + 1, this.due.length * 2);
      this.due = grown(this.due, size);
      this.warning = grown(this.warning, size);
      this.sweep = grown(this.sweep, size);
    }
    this.due[rank] = moments.nextDue ?? Infinity;
    this.warning[rank] = moments.firstWarning ?? Infinity;
    this.sweep[rank] = moments.sweepAt ?? Infinity;
  }
}

const moment = (value: number | undefined): number | null =>
  value === undefined || value === Infinity ? null : value;

/**
 * What the index knows of a case: its summary, rank and the place of its latest line as fields,
 * its moments read from the index's table (the latest of the case at that rank).
 */
export class CaseEntry implements CaseMoments {
  constructor(
    /** The case's record without its body: what the shared filter reads. */
    readonly stored: CaseSummary,
    readonly moments: MomentTable,
    /** Its place in the order received: 0, 1, 2 … */
    readonly received: number,
    readonly segment: number,
    readonly offset: number,
    readonly length: number,
  ) {}

  /** The earliest due time of a running clock. */
  get nextDue(): number | null {
    return moment(this.moments.due[this.received]);
  }

  /** The earliest warning moment of a running clock. */
  get firstWarning(): number | null {
    return moment(this.moments.warning[this.received]);
  }

  /** The next moment the clock sweep has something to do. */
  get sweepAt(): number | null {
    return moment(this.moments.sweep[this.received]);
  }

  /** Where its latest version is. */
  get place(): Place {
    return [this.segment, this.offset, this.length];
  }
}
