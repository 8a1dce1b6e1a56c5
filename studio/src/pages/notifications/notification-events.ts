/** The one event the notifications page sends when it marks some read, so the top bar's count follows. */
export const NOTIFICATIONS_READ = 'kesu:notifications-read';

/** Tells the top bar that notifications were marked read. */
export function announceRead(): void {
  globalThis.dispatchEvent(new Event(NOTIFICATIONS_READ));
}
