/** How `console.log(a, b, …)` in user code reads in the console panel: strings as they are, values as JSON-ish text. */
export function formatLogArgs(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : formatValue(arg, 0, new WeakSet()))).join(' ');
}

const MAX_DEPTH = 4;
const MAX_ITEMS = 50;
const MAX_LENGTH = 10_000;

function formatValue(value: unknown, depth: number, seen: WeakSet<object>): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (seen.has(object)) return '[Circular]';
  if (object instanceof Error) return `${object.name}: ${object.message}`;
  if (depth >= MAX_DEPTH) return Array.isArray(object) ? '[…]' : '{…}';
  seen.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.slice(0, MAX_ITEMS).map((item) => formatValue(item, depth + 1, seen));
      if (object.length > MAX_ITEMS) items.push(`… ${object.length - MAX_ITEMS} more`);
      return clip(`[${items.join(', ')}]`);
    }
    if (object instanceof Map) return `Map(${object.size})`;
    if (object instanceof Set) return `Set(${object.size})`;
    const name = object.constructor && object.constructor !== Object ? `${object.constructor.name}(` : '{';
    const close = name === '{' ? '}' : ')';
    const entries = Object.entries(object).slice(0, MAX_ITEMS).map(([k, v]) => `${name === '{' ? `${k}: ` : `${k}=`}${formatValue(v, depth + 1, seen)}`);
    return clip(`${name}${entries.join(', ')}${close}`);
  } catch {
    return '[unreadable value]';
  } finally {
    seen.delete(object);
  }
}

function clip(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text;
}
