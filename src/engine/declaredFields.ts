/**
 * The fields an event class declares, for the one check the library makes of them that TypeScript
 * cannot: `run()`'s keyword arguments must build the workflow's StartEvent class (pydantic refuses a
 * missing field or a value of the wrong type). TypeScript erases field types, so the compiler writes
 * them down with `declareFields` after each start event class; code that does not go through it can
 * call it too. Classes without declared fields are not checked, which is what costs nothing.
 */
import { WorkflowRuntimeError } from './errors.ts';
import { jsonLine } from './jsonLine.ts';

/** A JSON kind of value; `unknown` accepts anything (`any`, `unknown`, a class or an alias the compiler does not follow). */
export type FieldKind = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'unknown';

/** What one field accepts: any value of `kinds`, or one of `literals`; `optional` when it may be left out. */
export interface FieldSpec {
  kinds: FieldKind[];
  literals?: (string | number | boolean)[];
  optional?: boolean;
}

const DECLARED = new WeakMap<Function, Readonly<Record<string, FieldSpec>>>();

/**
 * Declares the fields of an event class (its own; a subclass adds to its base's).
 * @example
 * class MyStart extends StartEvent { declare query: string; declare limit?: number; }
 * declareFields(MyStart, { query: { kinds: ['string'] }, limit: { kinds: ['number'], optional: true } });
 */
export function declareFields(cls: Function, fields: Record<string, FieldSpec>): void {
  DECLARED.set(cls, Object.freeze({ ...fields }));
}

/** Every declared field of the class and its bases, or null when none declares any (the usual case). */
export function declaredFieldsOf(cls: Function): Record<string, FieldSpec> | null {
  let found: Record<string, FieldSpec> | null = null;
  for (let c: unknown = cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const own = DECLARED.get(c as Function);
    if (own) found = { ...own, ...(found ?? {}) };
  }
  return found;
}

function kindOf(value: unknown): FieldKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? type : type === 'object' ? 'object' : 'unknown';
}

function expected(spec: FieldSpec): string {
  return [...spec.kinds, ...(spec.literals ?? []).map((l) => JSON.stringify(l))].join(' | ');
}

/** What is wrong with `values` as fields of the class: one line per field, in declaration order. */
export function fieldProblems(fields: Record<string, FieldSpec>, values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(fields)) {
    const has = Object.prototype.hasOwnProperty.call(values, name) && values[name] !== undefined;
    if (!has) {
      if (!spec.optional) problems.push(`${name}: missing (${expected(spec)})`);
      continue;
    }
    const value = values[name];
    if (spec.kinds.includes('unknown') || spec.kinds.includes(kindOf(value))) continue;
    if (spec.literals?.some((l) => l === value)) continue;
    problems.push(`${name}: expected ${expected(spec)}, got ${jsonLine(value, 60)}`);
  }
  return problems;
}

/** Throws the library's error when the run's keyword arguments do not build the start class. */
export function checkStartFields(startClass: Function & { name: string }, typeName: string, values: Record<string, unknown>): void {
  const fields = declaredFieldsOf(startClass);
  if (!fields) return;
  const problems = fieldProblems(fields, values);
  if (!problems.length) return;
  throw new WorkflowRuntimeError(
    `Failed creating a start event of type '${typeName}' with the keyword arguments: ${jsonLine(values, 200)}\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
}
