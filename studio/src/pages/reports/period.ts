/** Report periods: "YYYY-MM" (monthly) or "YYYY" (annual), the default being this month. */

export type PeriodKind = 'monthly' | 'annual';

/** This month as "YYYY-MM" in the browser's time zone. */
export function thisMonth(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The period if it is well formed, else undefined. */
export function validPeriod(raw: string | null | undefined): string | undefined {
  return raw && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(raw) ? raw : undefined;
}

export function periodKind(period: string): PeriodKind {
  return period.length === 4 ? 'annual' : 'monthly';
}

/** The years the picker offers: five back from this year, and the shown one if older. */
export function pickerYears(period: string, now = new Date()): number[] {
  const current = now.getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => current - i);
  const shown = Number(period.slice(0, 4));
  return years.includes(shown) ? years : [...years, shown].sort((a, b) => b - a);
}
