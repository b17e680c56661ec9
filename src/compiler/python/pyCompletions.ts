/**
 * Completions for Python code, from the same Lezer reading as the graph (no Python runtime): the
 * modules the playground serves and their names, `Context` methods after a parameter annotated
 * `Context`, `ctx.store` methods, and an event's fields after a parameter annotated with the event
 * class (inherited fields included), plus the file's own classes.
 */
import type { SyntaxNode } from '@lezer/common';
import { analysePython } from './analysePython.ts';
import { PySource } from './pySource.ts';
import { SERVED_MODULES } from './servedModules.ts';

/** One completion, in the shape the editor's TypeScript completions have. */
export interface PyCompletion {
  label: string;
  kind: string;
  detail?: string;
  /** Lower first. */
  sortText: string;
}

export interface PyCompletionList {
  /** Where the text being completed starts. */
  from: number;
  items: PyCompletion[];
}

/** What `Context` offers Python code in the playground, with a short signature for each. */
const CONTEXT_MEMBERS: [string, string, string][] = [
  ['send_event', 'method', 'send_event(message: Event, step: str | None = None) -> None'],
  ['collect_events', 'method', 'collect_events(ev: Event, expected: list[type[Event]], buffer_id: str | None = None) -> list[Event] | None'],
  ['write_event_to_stream', 'method', 'write_event_to_stream(ev: Event) -> None'],
  ['wait_for_event', 'method', 'await wait_for_event(event_type, requirements=None, waiter_event=None, timeout=2000)'],
  ['get', 'method', 'await get(key: str, default=...)'],
  ['set', 'method', 'await set(key: str, value)'],
  ['retry_info', 'method', 'retry_info() -> RetryInfo(retry_number, elapsed_seconds, last_exception, last_failed_at)'],
  ['store', 'property', 'the run’s state: await ctx.store.get(path) / ctx.store.set(path, value)'],
];
const STORE_MEMBERS: [string, string, string][] = [
  ['get', 'method', 'await get(path: str, default=...)'],
  ['set', 'method', 'await set(path: str, value)'],
  ['get_state', 'method', 'await get_state() -> a copy of the state (Context[MyState]: a MyState)'],
  ['set_state', 'method', 'await set_state(state) -> None'],
  ['edit_state', 'method', 'async with ctx.store.edit_state() as state: (other steps wait until the block ends)'],
  ['clear', 'method', 'await clear() -> back to the state’s defaults'],
];
const EVENT_MEMBERS: [string, string, string][] = [
  ['model_dump', 'method', 'model_dump() -> dict'],
  ['get', 'method', 'get(key: str, default=None)'],
];

const item = (label: string, kind: string, detail?: string, rank = 1): PyCompletion => ({ label, kind, sortText: String(rank), ...(detail ? { detail } : {}) });

/** Every name the served modules export, once, with the first module that has it. */
function servedNames(): PyCompletion[] {
  const seen = new Map<string, string>();
  for (const [module, names] of SERVED_MODULES) for (const name of names) if (!seen.has(name)) seen.set(name, module);
  return [...seen].map(([name, module]) => item(name, /^[A-Z]/.test(name) ? 'class' : 'function', `from ${module}`, 2));
}

/**
 * The annotation of parameter `name` in the function around `pos`, as written (`Context`, `"MyEvent"`).
 * While a line is being typed the file often does not parse as the function's body (a line indented
 * too little ends it), so the last `def` before the cursor is read as text when the tree has none.
 */
function parameterAnnotation(source: PySource, pos: number, name: string): string | null {
  return annotationInTree(source, pos, name) ?? annotationInText(source.text.slice(0, pos), name);
}

function annotationInText(before: string, name: string): string | null {
  const defs = [...before.matchAll(/\bdef\s+\w+\s*\(([^)]*)\)/g)];
  const params = defs.at(-1)?.[1];
  if (params === undefined) return null;
  const found = new RegExp(`(?:^|,)\\s*${name}\\s*:\\s*([^,=]+)`).exec(params);
  return found ? found[1]!.trim().replace(/^["']|["']$/g, '') : null;
}

function annotationInTree(source: PySource, pos: number, name: string): string | null {
  let node: SyntaxNode | null = source.tree.resolveInner(pos, -1);
  for (; node; node = node.parent) {
    if (node.name !== 'FunctionDefinition') continue;
    const params = node.getChild('ParamList');
    if (!params) return null;
    let current: string | null = null;
    for (let child = params.firstChild; child; child = child.nextSibling) {
      if (child.name === 'VariableName') current = source.textOf(child);
      else if (child.name === 'TypeDef' && current === name) return source.textOf(child).replace(/^:\s*/, '').replace(/^["']|["']$/g, '');
      else if (child.name === ',') current = null;
    }
    return null;
  }
  return null;
}

export function pythonCompletions(text: string, pos: number): PyCompletionList | null {
  const line = text.slice(text.lastIndexOf('\n', pos - 1) + 1, pos);
  const word = /\w*$/.exec(line)![0];
  const from = pos - word.length;

  const fromModule = /^\s*from\s+([\w.]*)$/.exec(line);
  if (fromModule) {
    const typed = fromModule[1]!;
    const start = pos - typed.length;
    return { from: start, items: [...SERVED_MODULES.keys()].filter((m) => m.startsWith(typed)).map((m) => item(m, 'module')) };
  }
  const importing = /^\s*from\s+([\w.]+)\s+import\s+(?:\(?\s*(?:\w+\s*,\s*)*)(\w*)$/.exec(line);
  if (importing) {
    const names = SERVED_MODULES.get(importing[1]!);
    return names ? { from, items: names.map((n) => item(n, /^[A-Z]/.test(n) ? 'class' : 'function', `from ${importing[1]}`)) } : null;
  }

  const source = new PySource(text);
  if (/\.store\.\w*$/.test(line)) return { from, items: STORE_MEMBERS.map(([n, k, d]) => item(n, k, d)) };
  const member = /(\w+)\.\w*$/.exec(line);
  if (member) {
    const annotation = parameterAnnotation(source, pos, member[1]!);
    if (!annotation) return null;
    const context = annotation.replace(/\[.*\]$/, '');
    if (context === 'Context' || context.endsWith('.Context')) return { from, items: CONTEXT_MEMBERS.map(([n, k, d]) => item(n, k, d)) };
    const { events } = analysePython(text);
    // `ev: A | B`: the fields every one of the classes has are safe; offer the union, marked by class.
    const classes = annotation.split('|').map((part) => part.trim().replace(/^Optional\[(.*)\]$/, '$1'));
    const fields = new Map<string, string>();
    for (const name of classes) {
      const event = events.find((e) => e.name === name);
      for (const field of event?.fields ?? []) if (!fields.has(field.name)) fields.set(field.name, `${name}.${field.name}${field.type ? `: ${field.type}` : ''}`);
    }
    if (fields.size === 0 && !classes.some((name) => events.some((e) => e.name === name))) return null;
    return { from, items: [...[...fields].map(([n, d]) => item(n, 'property', d, 0)), ...EVENT_MEMBERS.map(([n, k, d]) => item(n, k, d))] };
  }

  if (word.length === 0) return null;
  const own = new Set<string>();
  for (let child = source.top.firstChild; child; child = child.nextSibling) {
    const statement = child.name === 'DecoratedStatement' ? child.lastChild : child;
    const name = statement?.name === 'ClassDefinition' || statement?.name === 'FunctionDefinition' ? statement.getChild('VariableName') : null;
    if (name) own.add(source.textOf(name));
  }
  const items = [...[...own].map((n) => item(n, 'class', 'defined in this file', 1)), ...servedNames().filter((i) => !own.has(i.label))];
  return { from, items: items.filter((i) => i.label.toLowerCase().startsWith(word.toLowerCase())) };
}
