/** Short human descriptions of values and errors, for messages and the trace. */
import { stepOfError } from './errors.ts';
import { isEvent } from './event.ts';
import type { ErrorInfo } from './trace.ts';
import { userStack } from './userStack.ts';

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

/** The type name of a value as TypeScript spells it: `string`, `number`, `Array`, a class name, `Object`. */
export function typeNameOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  if (Array.isArray(value)) return 'Array';
  return (value as object).constructor?.name || 'Object';
}

/** What the trace says of an error, with the step that raised it (given, or remembered by the engine). */
export function errorInfo(error: unknown, step: string | undefined = stepOfError(error)): ErrorInfo {
  const info: ErrorInfo =
    error instanceof Error
      ? { name: error.name, message: error.message }
      : { name: 'Error', message: typeof error === 'string' ? error : describeValue(error) };
  if (error instanceof Error && error.stack) info.stack = userStack(error.stack);
  if (step) info.step = step;
  return info;
}
