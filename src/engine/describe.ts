/** Short human descriptions of values and errors, for messages and the trace. */
import { stepOfError } from './errors.ts';
import { isEvent } from './event.ts';
import { UNREADABLE } from './jsonSafe.ts';
import type { ErrorInfo } from './trace.ts';
import { userStack } from './userStack.ts';

/**
 * e.g. `a string ("done")`, `a number (3)`, `an array of 2 items`, `an object of class Foo`; a value
 * that throws when looked at (a revoked Proxy) is described as that.
 */
export function describeValue(value: unknown): string {
  try {
    return describeUnchecked(value);
  } catch {
    return UNREADABLE;
  }
}

function describeUnchecked(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string': {
      const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
      return `a string (${JSON.stringify(s)})`;
    }
    case 'number':
    case 'bigint':
    case 'boolean':
      return `a ${typeof value} (${String(value)})`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return `a function (${(value as { name?: string }).name || 'anonymous'})`;
    case 'symbol':
      return `a symbol`;
  }
  if (Array.isArray(value)) {
    const odd = value.find((item) => !isEvent(item));
    return odd === undefined ? `an array of ${value.length} items` : `an array containing ${describeValue(odd)}`;
  }
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `an object of class ${name}` : 'a plain object';
}

/** The type name of a value as TypeScript spells it: `string`, `number`, `Array`, a class name, `Object`. */
export function typeNameOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  try {
    if (Array.isArray(value)) return 'Array';
    return String((value as object).constructor?.name || 'Object');
  } catch {
    return 'Object';
  }
}

/**
 * What the trace says of an error, with the step that raised it (given, or remembered by the engine).
 * Step code may throw anything, a value whose every property throws included: what cannot be read is
 * described, so the run still ends with a failure instead of the engine throwing in its place.
 */
export function errorInfo(error: unknown, step: string | undefined = stepOfError(error)): ErrorInfo {
  let info: ErrorInfo;
  try {
    info =
      error instanceof Error
        ? { name: String(error.name), message: String(error.message) }
        : { name: 'Error', message: typeof error === 'string' ? error : describeValue(error) };
    if (error instanceof Error && error.stack) info.stack = userStack(String(error.stack));
  } catch {
    info = { name: 'Error', message: `The step threw ${describeValue(error)}.` };
  }
  if (step) info.step = step;
  return info;
}
