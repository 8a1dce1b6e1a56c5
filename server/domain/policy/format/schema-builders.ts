/**
 * The small vocabulary the policy format is written in. Each builder returns a TypeBox schema, so
 * one definition gives both the TypeScript type (`Static<>`) and the JSON Schema (draft-07) that
 * editors, ajv and the check read; where TypeBox's own keyword would change the emitted schema
 * (Record → patternProperties, Union → anyOf, Tuple → additionalItems), `Type.Unsafe` keeps the
 * draft-07 keywords the format has always used and still carries the precise static type.
 */
import {
  Type,
  type ObjectOptions,
  type Static,
  type TProperties,
  type TSchema,
} from '@sinclair/typebox';

/** A reference to a shared definition (`#/definitions/<name>`), typed as the definition it names. */
export function ref<T extends TSchema>(name: string, _schema: T) {
  return Type.Unsafe<Static<T>>({ $ref: `#/definitions/${name}` });
}

/** An object with exactly the given properties (optional ones wrapped in `Type.Optional`). */
export function strictObject<T extends TProperties>(properties: T, options?: ObjectOptions) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/** Identifiers of roles, transitions, rows and other keyed items. */
export const Id = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_-]*$' });

/** A map keyed by identifiers (roles, forms, clocks…), as `propertyNames` + `additionalProperties`. */
export function idMap<T extends TSchema>(value: T, description?: string) {
  return Type.Unsafe<Record<string, Static<T>>>({
    type: 'object',
    ...(description ? { description } : {}),
    propertyNames: Id,
    additionalProperties: value,
  });
}

/** A map with any string keys, as `additionalProperties`. */
export function anyKeyMap<T extends TSchema>(value: T) {
  return Type.Unsafe<Record<string, Static<T>>>({ type: 'object', additionalProperties: value });
}

/** Any JSON object whose content the format leaves open (intake data, uiSchema…). */
export function openObject(description?: string) {
  return Type.Unsafe<Record<string, unknown>>({
    type: 'object',
    ...(description ? { description } : {}),
  });
}

/** One of the given strings, as a draft-07 `enum`. */
export function oneOfStrings<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ enum: [...values] });
}

/** Exactly one of the given shapes, as a draft-07 `oneOf`. */
export function exactlyOne<const T extends TSchema[]>(schemas: T) {
  return Type.Unsafe<Static<T[number]>>({ oneOf: schemas });
}

/** A list of non-empty strings. */
export const Strings = Type.Array(Type.String({ minLength: 1 }));

/** A calendar date, "2025-10-01". */
export const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A time of day, "08:30" (up to "24:00"). */
export const TimeOfDay = Type.String({ pattern: '^([01]\\d|2[0-4]):[0-5]\\d$' });

/** An instant with its offset (ISO 8601). */
export const Instant = Type.String({ format: 'date-time' });

/** Exactly this string, as a bare draft-07 `const` (a discriminator inside `oneOf`). */
export function constant<const T extends string>(value: T) {
  return Type.Unsafe<T>({ const: value });
}
