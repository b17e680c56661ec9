/**
 * Turns any value into JSON-safe data for the trace. The trace crosses a worker boundary and is saved
 * as JSON, and user payloads can be anything (cycles, functions, BigInt, Maps, getters that throw), so
 * this never throws and bounds depth, breadth and string length.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface JsonSafeLimits {
  maxDepth: number;
  maxEntries: number;
  maxString: number;
}

export const DEFAULT_JSON_LIMITS: JsonSafeLimits = { maxDepth: 6, maxEntries: 100, maxString: 4000 };

/** Class name of an object, or null for plain objects and arrays. */
function className(value: object): string | null {
  const proto = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype || Array.isArray(value)) return null;
  const ctor = proto.constructor as { name?: unknown } | undefined;
  return typeof ctor?.name === 'string' && ctor.name ? ctor.name : null;
}

function clipString(s: string, limits: JsonSafeLimits): string {
  return s.length > limits.maxString ? `${s.slice(0, limits.maxString)}… (${s.length} chars)` : s;
}

/** How a value that throws when it is looked at (a revoked Proxy throws even on `instanceof`) is described. */
export const UNREADABLE = 'a value that throws when it is read';

/** What a thrown value says of itself, without trusting it: one that throws when read is named as such instead of throwing again. */
function thrownText(thrown: unknown): string {
  try {
    return thrown instanceof Error ? String(thrown.message) : String(thrown);
  } catch {
    return UNREADABLE;
  }
}

function convert(value: unknown, depth: number, seen: Set<object>, limits: JsonSafeLimits): JsonValue {
  // Everything below may touch a hostile value: a Proxy's traps and getters run on every look.
  try {
    return convertValue(value, depth, seen, limits);
  } catch (err) {
    return `[Unserializable: ${thrownText(err)}]`;
  }
}

function convertValue(value: unknown, depth: number, seen: Set<object>, limits: JsonSafeLimits): JsonValue {
  switch (typeof value) {
    case 'string':
      return clipString(value, limits);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return null;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${(value as { name?: string }).name || 'anonymous'}]`;
  }
  if (value === null) return null;
  const obj = value as object;
  if (seen.has(obj)) return '[Circular]';
  if (depth >= limits.maxDepth) return Array.isArray(obj) ? `[Array(${obj.length})]` : `[${className(obj) ?? 'Object'}]`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof Error) return { name: obj.name, message: obj.message };
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return convertList(obj, depth, seen, limits);
    if (obj instanceof Map) {
      return { '[Map]': convertList([...obj.entries()], depth, seen, limits) };
    }
    if (obj instanceof Set) return { '[Set]': convertList([...obj.values()], depth, seen, limits) };
    if (ArrayBuffer.isView(obj)) return `[${className(obj) ?? 'TypedArray'}(${(obj as { length?: number }).length ?? obj.byteLength})]`;
    const out: { [key: string]: JsonValue } = {};
    const name = className(obj);
    if (name) out.__class = name;
    let count = 0;
    for (const key of Object.keys(obj)) {
      if (count++ >= limits.maxEntries) {
        out['…'] = `${Object.keys(obj).length - limits.maxEntries} more keys`;
        break;
      }
      let field: unknown;
      try {
        field = (obj as Record<string, unknown>)[key];
      } catch (err) {
        field = `[Thrown: ${thrownText(err)}]`;
      }
      out[key] = convert(field, depth + 1, seen, limits);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

function convertList(list: readonly unknown[], depth: number, seen: Set<object>, limits: JsonSafeLimits): JsonValue[] {
  const n = Math.min(list.length, limits.maxEntries);
  const out: JsonValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = convert(list[i], depth + 1, seen, limits);
  if (list.length > n) out.push(`… ${list.length - n} more items`);
  return out;
}

/**
 * JSON-safe copy of `value`, bounded by `limits`.
 * @example toJsonSafe({ a: 1n, f() {} }) // { a: "1n", f: "[Function f]" }
 */
export function toJsonSafe(value: unknown, limits: JsonSafeLimits = DEFAULT_JSON_LIMITS): JsonValue {
  return convert(value, 0, new Set(), limits);
}
