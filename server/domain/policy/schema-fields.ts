/** Finding fields in a form's JSON Schema, for checks that rules and tables name real fields. */
import type { JsonSchema } from './format.ts';

function asSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

/** Every subschema that may describe the same object: allOf/anyOf/oneOf branches, if/then/else. */
function alternatives(schema: JsonSchema): JsonSchema[] {
  const found: JsonSchema[] = [schema];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list) pushSchema(found, item);
  }
  for (const key of ['then', 'else', 'if']) pushSchema(found, schema[key]);
  const dependencies = asSchema(schema.dependencies);
  if (dependencies) for (const value of Object.values(dependencies)) pushSchema(found, value);
  return found;
}

function pushSchema(list: JsonSchema[], value: unknown): void {
  const schema = asSchema(value);
  if (schema) list.push(...alternatives(schema));
}

/** The subschema for a property name, looking through combinators; undefined if none declares it. */
function child(schema: JsonSchema, name: string): JsonSchema | undefined {
  for (const candidate of alternatives(schema)) {
    const properties = asSchema(candidate.properties);
    const found = asSchema(properties?.[name]);
    if (found) return found;
    if (/^\d+$/.test(name) || name === '*') {
      const items = asSchema(candidate.items);
      if (items) return items;
    }
  }
  return undefined;
}

/** The subschema of the field at a dotted path ("customer.phone"); the schema itself for "". */
export function fieldSchemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const part of path.split('.').filter(Boolean)) {
    current = current ? child(current, part) : undefined;
  }
  return current;
}

/** True when the dotted path ("product.defectiveQuantity") names a field of the schema. */
export function hasField(schema: JsonSchema, path: string): boolean {
  return fieldSchemaAt(schema, path) !== undefined;
}

/** A JSONPath as json-rules-engine conditions use it ("$.product.qty", "$['a'].b") → "product.qty". */
export function jsonPathToField(path: string): string {
  return path
    .replace(/^\$\.?/, '')
    .replace(/\[['"]?([^'"\]]+)['"]?\]/g, '.$1')
    .replace(/^\./, '');
}

// The parts of the paths read: a policy reads the same few fields of every case.
const pathParts = new Map<string, string[]>();
const MAX_PATHS = 1024;

/** Reads a dotted path out of plain data. */
export function readPath(data: unknown, path: string): unknown {
  let parts = pathParts.get(path);
  if (!parts) {
    parts = path.split('.');
    if (pathParts.size >= MAX_PATHS) pathParts.clear();
    pathParts.set(path, parts);
  }
  let current: unknown = data;
  for (let i = 0; i < parts.length; i += 1) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[parts[i]!];
  }
  return current;
}

/** A copy of the data with the dotted path set to the value. */
export function writePath(
  data: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: value };
  const inner = data[head];
  const base = inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : {};
  return { ...data, [head]: writePath(base, rest.join('.'), value) };
}
