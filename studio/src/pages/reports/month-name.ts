/** The parameters of a month's name in the reports' messages: its number, and its English name. */
export function monthParams(month: number): { month: number; name: string } {
  const name = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2000, month - 1, 1),
  );
  return { month, name };
}
