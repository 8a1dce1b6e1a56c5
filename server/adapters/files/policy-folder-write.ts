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
const SPLIT_PARTS: readonly string[] = [...MAP_PARTS, ...LIST_PARTS];

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
    return value.map((item, index) =>
      orderLike(item, Array.isArray(like) ? like[index] : undefined),
    );
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

/** The folder being written: its path, its policy.json as it is, the files to write (null: delete). */
type Folder = { dir: string; main: Json; fresh: boolean; files: Map<string, unknown> };

/** Sets the files of forms or calendars (one an id); returns what stays inline in policy.json. */
function mapPart(folder: Folder, part: (typeof MAP_PARTS)[number], map: unknown): Json | undefined {
  const { dir, main, fresh, files } = folder;
  const inlineIds = new Set(Object.keys(isRecord(main[part]) ? main[part] : {}));
  // A folder that keeps none of this part in files keeps a new one in policy.json too.
  const inlineOnly = !fresh && jsonNames(join(dir, part)).length === 0;
  const inMain: Json = {};
  const kept = new Set<string>();
  for (const [id, value] of Object.entries(isRecord(map) ? map : {})) {
    if (inlineOnly || (!fresh && inlineIds.has(id))) inMain[id] = value;
    else {
      files.set(`${part}/${id}.json`, orderLike(value, readJsonOr(join(dir, part, `${id}.json`))));
      kept.add(id);
    }
  }
  for (const name of jsonNames(join(dir, part)))
    if (!kept.has(basename(name, '.json'))) files.set(`${part}/${name}`, null);
  return isRecord(map) && (Object.keys(inMain).length > 0 || part in main) ? inMain : undefined;
}

/** Sets the files of rule sets or examples (each item in the file that held it); returns what stays inline. */
function listPart(folder: Folder, part: ListPart, list: unknown): unknown[] | undefined {
  const { dir, main, fresh, files } = folder;
  const inlineIds = new Set((Array.isArray(main[part]) ? main[part] : []).map(idOf));
  const existing = listFiles(dir, part);
  const inlineOnly = !fresh && existing.length === 0;
  const names = existing.map((file) => file.name);
  const grouped = new Map<string, unknown[]>(names.map((name) => [name, []]));
  const inMain: unknown[] = [];
  (Array.isArray(list) ? list : []).forEach((item, index) => {
    const id = idOf(item);
    if (inlineOnly || (!fresh && inlineIds.has(id))) return void inMain.push(item);
    const home =
      existing.find((file) => file.ids.has(id))?.name ?? newListFile(part, item, index, names);
    grouped.set(home, [...(grouped.get(home) ?? []), item]);
  });
  for (const [name, items] of grouped) {
    const before = existing.find((file) => file.name === name);
    const ordered = items.map((item) =>
      orderLike(
        item,
        before?.items.find((old) => idOf(old) === idOf(item)),
      ),
    );
    const single = before ? !before.isList : part === 'ruleSets';
    const content = single && ordered.length === 1 ? ordered[0] : ordered;
    files.set(`${part}/${name}`, ordered.length === 0 ? null : content);
  }
  return inMain.length > 0 || part in main ? inMain : undefined;
}

/** Every file of the folder as it should be (relative path → content); null to delete. */
function folderFiles(dir: string, document: Json): Map<string, unknown> {
  const existingMain = readJsonOr(join(dir, 'policy.json'));
  const main = isRecord(existingMain) ? existingMain : {};
  const folder: Folder = { dir, main, fresh: !isRecord(existingMain), files: new Map() };
  const written: Json = Object.fromEntries(
    Object.entries(document).filter(([key]) => !SPLIT_PARTS.includes(key)),
  );
  for (const part of MAP_PARTS) {
    const inline = mapPart(folder, part, document[part]);
    if (inline) written[part] = inline;
  }
  for (const part of LIST_PARTS) {
    const inline = listPart(folder, part, document[part]);
    if (inline) written[part] = inline;
  }
  folder.files.set('policy.json', orderLike(written, folder.fresh ? document : main));
  return folder.files;
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
