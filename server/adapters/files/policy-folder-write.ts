/**
 * Writes a policy document back into a policy folder in the layout the folder already has (or, for
 * a new folder, the one `kesu new` writes for a template): policy.json, forms/<id>.json,
 * calendars/<id>.json, ruleSets/*.json and examples/*.json. A part stays where it was — inline in
 * policy.json or in its file — and keys keep the order the files give them, so writing back what
 * was read changes no byte. Files are written only when their text changes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

type Json = Record<string, unknown>;
const MAP_PARTS = ['forms', 'calendars'] as const;
const LIST_PARTS = ['ruleSets', 'examples'] as const;
type ListPart = (typeof LIST_PARTS)[number];

/** The text of a policy file: two-space JSON and a final newline, as `kesu new` writes it. */
export function policyFileText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function readJsonOr(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The value with its object keys in the order `like` has them (keys `like` lacks keep theirs and
 * follow), so a store that sorts keys (PostgreSQL's jsonb) does not reorder the files.
 */
export function orderLike(value: unknown, like: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item, index) => orderLike(item, Array.isArray(like) ? like[index] : undefined));
  if (!isRecord(value)) return value;
  const model = isRecord(like) ? like : {};
  const keys = [
    ...Object.keys(model).filter((key) => key in value),
    ...Object.keys(value).filter((key) => !(key in model)),
  ];
  return Object.fromEntries(keys.map((key) => [key, orderLike(value[key], model[key])]));
}

function jsonNames(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => extname(name) === '.json')
    .sort();
}

const idOf = (item: unknown) => (isRecord(item) && typeof item.id === 'string' ? item.id : '');

/** The files a list part is spread over: each file's name, what it held, whether it was a list. */
function listFiles(dir: string, part: ListPart) {
  return jsonNames(join(dir, part)).map((name) => {
    const content = readJsonOr(join(dir, part, name));
    const items = Array.isArray(content) ? content : [content];
    return { name, isList: Array.isArray(content), items, ids: new Set(items.map(idOf)) };
  });
}

/** Where a new item of a list part goes when the folder has no file for it. */
function newListFile(part: ListPart, item: unknown, index: number, names: string[]): string {
  if (part === 'examples') return names.at(-1) ?? 'examples.json';
  return `${String((index + 1) * 10).padStart(2, '0')}-${idOf(item) || 'rules'}.json`;
}

/** Every file of the folder as it should be (relative path → content); null to delete. */
function folderFiles(dir: string, document: Json): Map<string, unknown> {
  const existingMain = readJsonOr(join(dir, 'policy.json'));
  const fresh = !isRecord(existingMain);
  const main: Json = isRecord(existingMain) ? existingMain : {};
  const files = new Map<string, unknown>();
  const inline: Json = {};
  for (const part of MAP_PARTS) {
    const map = document[part];
    const inlineIds = new Set(Object.keys(isRecord(main[part]) ? main[part] : {}));
    const kept = new Set<string>();
    if (isRecord(map)) {
      const inMain: Json = {};
      for (const [id, value] of Object.entries(map)) {
        if (!fresh && inlineIds.has(id)) inMain[id] = value;
        else {
          files.set(`${part}/${id}.json`, orderLike(value, readJsonOr(join(dir, part, `${id}.json`))));
          kept.add(id);
        }
      }
      if (Object.keys(inMain).length > 0 || part in main) inline[part] = inMain;
    }
    for (const name of jsonNames(join(dir, part)))
      if (!kept.has(basename(name, '.json'))) files.set(`${part}/${name}`, null);
  }
  for (const part of LIST_PARTS) {
    const list = document[part];
    const inlineIds = new Set((Array.isArray(main[part]) ? main[part] : []).map(idOf));
    const existing = listFiles(dir, part);
    const grouped = new Map<string, unknown[]>(existing.map((file) => [file.name, []]));
    const inMain: unknown[] = [];
    (Array.isArray(list) ? list : []).forEach((item, index) => {
      const id = idOf(item);
      if (!fresh && inlineIds.has(id)) return void inMain.push(item);
      const home =
        existing.find((file) => file.ids.has(id))?.name ??
        newListFile(part, item, index, existing.map((file) => file.name));
      grouped.set(home, [...(grouped.get(home) ?? []), item]);
    });
    for (const [name, items] of grouped) {
      const before = existing.find((file) => file.name === name);
      const ordered = items.map((item) =>
        orderLike(item, before?.items.find((old) => idOf(old) === idOf(item))),
      );
      const single = before ? !before.isList : part === 'ruleSets';
      files.set(
        `${part}/${name}`,
        ordered.length === 0 ? null : single && ordered.length === 1 ? ordered[0] : ordered,
      );
    }
    if (inMain.length > 0 || part in main) inline[part] = inMain;
  }
  const rest = Object.fromEntries(
    Object.entries(document).filter(
      ([key]) => !(MAP_PARTS as readonly string[]).concat(LIST_PARTS).includes(key),
    ),
  );
  files.set('policy.json', orderLike({ ...rest, ...inline }, fresh ? document : main));
  return files;
}

/**
 * Writes the document into the folder (created when missing) and returns the files it wrote or
 * deleted, relative to the folder; a file whose text would not change is left alone.
 */
export function writePolicyFolder(dir: string, document: Json): string[] {
  const changed: string[] = [];
  for (const [path, content] of folderFiles(dir, document)) {
    const file = join(dir, path);
    if (content === null) {
      rmSync(file);
      changed.push(path);
      continue;
    }
    const text = policyFileText(content);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    changed.push(path);
  }
  return changed;
}
