/** The name an attachment is kept and served under, made safe from what a client sent. */

/** The longest name kept, in characters (code points). */
export const FILE_NAME_MAX = 200;

// Control characters, and format characters such as the bidirectional overrides that make
// "gpj.exe" read as "exe.jpg".
const UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The last path segment of `raw` (after "/" or "\"), without control or format characters,
 * without surrounding spaces or leading dots, at most FILE_NAME_MAX characters (the extension is
 * kept when the rest is shortened); "attachment" when nothing is left.
 */
export function safeFileName(raw: string): string {
  const last = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = last.replace(UNSAFE, '').trim().replace(/^\.+/, '').trim();
  const chars = [...cleaned];
  if (chars.length === 0) return 'attachment';
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return [...chars.slice(0, FILE_NAME_MAX - keep.length), ...keep].join('');
}
