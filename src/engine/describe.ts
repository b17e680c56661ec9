/** Short human descriptions of values and errors, for messages and the trace. */
import { isEvent } from './event.ts';
import type { ErrorInfo } from './trace.ts';

/** e.g. `a string ("done")`, `a number (3)`, `an array of 2 items`, `an object of class Foo`. */
export function describeValue(value: unknown): string {
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

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) {
    const info: ErrorInfo = { name: error.name, message: error.message };
    if (error.stack) info.stack = error.stack;
    return info;
  }
  return { name: 'Error', message: typeof error === 'string' ? error : describeValue(error) };
}
