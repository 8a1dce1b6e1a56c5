/**
 * Files the studio hands to the browser as downloads: jsdom has no Blob URLs, so the test gives it
 * URL.createObjectURL and keeps each blob the studio saves.
 */
import { afterEach } from 'vitest';

const saved: Blob[] = [];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

afterEach(() => {
  saved.length = 0;
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
});

/** Starts keeping downloads; returns the list they are kept in, in order. */
export function captureDownloads(): Blob[] {
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    saved.push(blob as Blob);
    return `blob:kesu-test/${saved.length}`;
  };
  URL.revokeObjectURL = () => {};
  return saved;
}
