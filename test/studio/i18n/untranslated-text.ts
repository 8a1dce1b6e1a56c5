/**
 * Finds text a zh-CN reader would see in English or as a code: every visible text node (outside
 * the places that show codes deliberately) with no Chinese at all and a Latin word not on the
 * allow-list.
 */

/** Words shown on purpose in a Chinese page: formats, standards, units, product names. */
const ALLOWED = new Set([
  'CSV',
  'PDF',
  'JSON',
  'ID',
  'VIN',
  'SIM',
  'KPI',
  'ISO',
  'CFPB',
  'SLA',
  'IT',
  'OTC',
  'CNY',
  'English',
  'Kesu',
  'KS',
  'AM',
  'PM',
  'GMT',
  'UTC',
  'SMS',
  'QA',
  'CEO',
  'GM',
]);

/**
 * Where a code or another language is shown on purpose: <code>, the JSON views (textarea, pre),
 * text marked as in another language, and what is hidden.
 */
const SKIPPED = 'code, pre, textarea, script, style, [lang="en"], [hidden], [aria-hidden="true"]';

const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /[A-Za-z](?:[A-Za-z'’-]*[A-Za-z])?/g;

/** Text nodes the reader sees that hold words outside the allow-list, with the words. */
export function untranslatedText(root: HTMLElement, extra: readonly string[] = []): string[] {
  const allowed = new Set([...ALLOWED, ...extra]);
  const found: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIPPED)) continue;
    // The body of a closed <details> is not seen until opened; its summary is.
    const details = parent.closest('details');
    if (details && !details.open && !parent.closest('summary')) continue;
    // React writes `{name} ({id})` as several text nodes: read the element's own text as one.
    const text = [...parent.childNodes]
      .filter((child) => child.nodeType === child.TEXT_NODE)
      .map((child) => child.textContent ?? '')
      .join('');
    // Chinese prose may quote a code or a file name; a node with no Chinese at all is the defect.
    if (HAN.test(text)) continue;
    const words = (text.match(LATIN_WORD) ?? []).filter(
      (word) => !allowed.has(word) && !allowed.has(word.toUpperCase()),
    );
    if (words.length) found.push(text.trim());
  }
  return [...new Set(found)];
}
