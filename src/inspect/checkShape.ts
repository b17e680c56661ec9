import type { FieldType } from './recordSchema.ts';
import { DELIVERY_SCHEMA, ERROR_SCHEMA, STEP_INFO_SCHEMA } from './recordSchema.ts';

/** Thrown with a message that names the bad value's path; caught by `parseRunFile`. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is an object with exactly the fields of `schema` (optional ones may be missing),
 * each of its type. Unknown fields are refused too: a record the UI replays must be one it knows.
 */
export function checkFields(value: unknown, schema: Readonly<Record<string, FieldType>>, path: string, maxDepth: number, known: ReadonlySet<string> = EMPTY): void {
  if (!isPlainObject(value)) throw new ShapeError(`${path} must be an object`);
  const compiled = compile(schema, known);
  for (const field of compiled.fields) {
    const v = value[field.name];
    if (v === undefined && !Object.prototype.hasOwnProperty.call(value, field.name)) {
      if (field.optional) continue;
      throw new ShapeError(`${path} is missing "${field.name}"`);
    }
    checkType(v, field.type, path, field.name, maxDepth);
  }
  for (const name in value) {
    if (!compiled.allowed.has(name)) throw new ShapeError(`${path} has an unknown field "${name}"`);
  }
}

/**
 * Whether `checkFields` would accept `value`, without building a path or a message: the fast path
 * for a saved run's 200,000 records, which are nearly always valid. When it says no, `checkFields`
 * runs on the value to say why.
 */
export function fieldsValid(value: unknown, schema: Readonly<Record<string, FieldType>>, maxDepth: number): boolean {
  if (!isPlainObject(value)) return false;
  const { fields } = compile(schema, EMPTY);
  let present = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const v = value[field.name];
    // JSON has no undefined: a field that reads undefined is missing (the names are not
    // Object.prototype's).
    if (v === undefined) {
      if (field.optional) continue;
      return false;
    }
    present++;
    if (!field.valid(v, maxDepth)) return false;
  }
  // As many own fields as known ones present: nothing unknown.
  let own = 0;
  for (const _ in value) own++;
  return own === present;
}

interface CompiledField {
  name: string;
  optional: boolean;
  type: FieldType;
  /** The type's test alone (see `validOf`). */
  valid: (value: unknown, maxDepth: number) => boolean;
}

interface CompiledSchema {
  fields: CompiledField[];
  allowed: ReadonlySet<string>;
}

/**
 * A schema read once into a list and a set: a saved run of 200,000 records checks the same dozen
 * schemas over and over, and re-reading them per record was most of the time it took to open.
 */
const compiledSchemas = new WeakMap<object, Map<string, CompiledSchema>>();

function compile(schema: Readonly<Record<string, FieldType>>, known: ReadonlySet<string>): CompiledSchema {
  let byKnown = compiledSchemas.get(schema);
  if (!byKnown) compiledSchemas.set(schema, (byKnown = new Map()));
  // Callers may pass a new set of the same names each time: the names are the key.
  const key = known.size === 0 ? '' : [...known].sort().join('\u0000');
  let compiled = byKnown.get(key);
  if (!compiled) {
    const fields = Object.entries(schema).map(([spec, type]) => {
      const optional = spec.endsWith('?');
      return { name: optional ? spec.slice(0, -1) : spec, optional, type, valid: validOf(type) };
    });
    compiled = { fields, allowed: new Set([...known, ...fields.map((f) => f.name)]) };
    byKnown.set(key, compiled);
  }
  return compiled;
}

/** `checkType`'s test for `type` as a predicate: true exactly when `checkType` would not throw. */
function validOf(type: FieldType): (value: unknown, maxDepth: number) => boolean {
  if (typeof type !== 'string') return (v) => typeof v === 'string' && type.includes(v);
  switch (type) {
    case 'id':
      return isId;
    case 'id|null':
      return (v) => v === null || isId(v);
    case 'ids':
      return (v) => Array.isArray(v) && v.every(isId);
    case 'strings':
      return (v) => Array.isArray(v) && v.every((s) => typeof s === 'string');
    case 'time':
      return (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
    case 'number|null':
      return (v) => v === null || (typeof v === 'number' && Number.isFinite(v));
    case 'string':
      return (v) => typeof v === 'string';
    case 'string|null':
      return (v) => v === null || typeof v === 'string';
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'json':
      return jsonValid;
    case 'counts':
      return (v) => isPlainObject(v) && Object.values(v).every(isId);
    case 'error':
      return (v, maxDepth) => fieldsValid(v, ERROR_SCHEMA, maxDepth);
    case 'steps':
      return (v, maxDepth) => Array.isArray(v) && v.every((s) => fieldsValid(s, STEP_INFO_SCHEMA, maxDepth));
    case 'deliveries':
      return (v, maxDepth) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!fieldsValid(v[i], DELIVERY_SCHEMA, maxDepth)) return false;
        return true;
      };
  }
}

/**
 * `checkJson` as a predicate. A payload is most often a flat object of numbers and strings: that is
 * answered in place, the rest goes through `checkJson`'s walk.
 */
function jsonValid(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (isPlainObject(value) && maxDepth >= 1) {
    let flat = true;
    let count = 1;
    for (const key in value) {
      const v = value[key];
      count++;
      if (typeof v === 'number' ? !Number.isFinite(v) : typeof v === 'object' && v !== null) {
        flat = false;
        break;
      }
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean' && v !== null) return false;
    }
    if (flat && count <= MAX_JSON_NODES) return true;
  }
  try {
    checkJson(value, '', maxDepth);
    return true;
  } catch (error) {
    if (error instanceof ShapeError) return false;
    throw error;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * `path` and `name` make the value's path only when a message needs it: a saved run of 200,000 records
 * checks about two million fields, and building each one's path up front was a tenth of the time.
 */
function checkType(value: unknown, type: FieldType, base: string, name: string, maxDepth: number): void {
  if (typeof type !== 'string') {
    if (typeof value !== 'string' || !type.includes(value)) throw new ShapeError(`${pathOf(base, name)} must be one of ${type.map((t) => `"${t}"`).join(', ')}`);
    return;
  }
  switch (type) {
    case 'id':
      if (!isId(value)) throw new ShapeError(`${pathOf(base, name)} must be an integer >= 0`);
      return;
    case 'id|null':
      if (value !== null && !isId(value)) throw new ShapeError(`${pathOf(base, name)} must be an integer >= 0 or null`);
      return;
    case 'ids':
      if (!Array.isArray(value) || !value.every(isId)) throw new ShapeError(`${pathOf(base, name)} must be a list of integers >= 0`);
      return;
    case 'strings':
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ShapeError(`${pathOf(base, name)} must be a list of strings`);
      return;
    case 'time':
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ShapeError(`${pathOf(base, name)} must be a finite number >= 0`);
      return;
    case 'number|null':
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) throw new ShapeError(`${pathOf(base, name)} must be a number or null`);
      return;
    case 'string':
      if (typeof value !== 'string') throw new ShapeError(`${pathOf(base, name)} must be a string`);
      return;
    case 'string|null':
      if (value !== null && typeof value !== 'string') throw new ShapeError(`${pathOf(base, name)} must be a string or null`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw new ShapeError(`${pathOf(base, name)} must be true or false`);
      return;
    case 'json':
      checkJson(value, pathOf(base, name), maxDepth);
      return;
    case 'counts':
      if (!isPlainObject(value) || !Object.values(value).every(isId)) throw new ShapeError(`${pathOf(base, name)} must map names to integers >= 0`);
      return;
    case 'error':
      checkFields(value, ERROR_SCHEMA, pathOf(base, name), maxDepth);
      return;
    case 'steps':
      if (!Array.isArray(value)) throw new ShapeError(`${pathOf(base, name)} must be a list`);
      for (let i = 0; i < value.length; i++) checkFields(value[i], STEP_INFO_SCHEMA, `${pathOf(base, name)}[${i}]`, maxDepth);
      return;
    case 'deliveries':
      if (!Array.isArray(value)) throw new ShapeError(`${pathOf(base, name)} must be a list`);
      for (let i = 0; i < value.length; i++) checkFields(value[i], DELIVERY_SCHEMA, `${pathOf(base, name)}[${i}]`, maxDepth);
      return;
  }
}

function pathOf(base: string, name: string): string {
  return `${base}.${name}`;
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Most values (objects, arrays, strings, numbers...) one JSON value may hold. */
export const MAX_JSON_NODES = 200_000;

/**
 * JSON data no deeper than `maxDepth` and of at most `maxNodes` values. Checked without recursion so
 * a hostile file cannot overflow the stack. A value that arrived by structured clone (from the
 * runner) can hold the same object twice, which JSON cannot: walked as a tree, a chain of such
 * objects doubles at each level, so it is refused at the second sight of any object.
 */
export function checkJson(value: unknown, path: string, maxDepth: number, maxNodes = MAX_JSON_NODES): void {
  const stack: [unknown, number][] = [[value, 0]];
  const seen = new Set<object>();
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes) throw new ShapeError(`${path} holds more than ${maxNodes.toLocaleString('en-US')} values`);
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new ShapeError(`${path} holds a number that is not finite`);
      continue;
    }
    if (typeof v !== 'object') throw new ShapeError(`${path} is not JSON data`);
    if (depth >= maxDepth) throw new ShapeError(`${path} is nested deeper than ${maxDepth} levels`);
    if (seen.has(v)) throw new ShapeError(`${path} holds the same object twice (shared references are not JSON)`);
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
}
