import { describe, expect, test } from 'vitest';
import { checkFields, fieldsValid } from '../../../src/inspect/checkShape.ts';
import { ENVELOPE, RECORD_SCHEMA } from '../../../src/inspect/recordSchema.ts';
import type { FieldType } from '../../../src/inspect/recordSchema.ts';
import { recordExample } from './fixtures.ts';

/** Values of every type the schemas know, and of none. */
const ODD_VALUES: unknown[] = [
  undefined, null, -1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '', 'done', true, [], [1, 2], [-1], ['a'], {},
  { a: 1 }, { a: -1 }, { a: Number.NaN }, { a: { b: [1, { c: null }] } }, { a: undefined }, [{ step: 'x', invocation: 1 }],
  [{ step: 'x', invocation: 1, extra: 1 }], { name: 'E', message: 'm' }, { name: 'E' }, () => 1,
];

function accepted(value: unknown, schema: Readonly<Record<string, FieldType>>): boolean {
  try {
    checkFields(value, schema, 'r', 8);
    return true;
  } catch {
    return false;
  }
}

/** The fast check only spares the full one its messages: it must agree with it on every value. */
describe('the fast record check agrees with the full one', { timeout: 30_000 }, () => {
  test('on real records, each field missing, replaced by an odd value, or joined by an unknown one', async () => {
    const { trace } = await recordExample('parallel.ts');
    let compared = 0;
    for (const record of trace) {
      const schema = { ...ENVELOPE, ...RECORD_SCHEMA[record.kind] } as Readonly<Record<string, FieldType>>;
      const variants: unknown[] = [record, { ...record, extra: 1 }];
      for (const key of Object.keys(record)) {
        const { [key]: _gone, ...without } = record as unknown as Record<string, unknown>;
        variants.push(without);
        for (const odd of ODD_VALUES) variants.push({ ...record, [key]: odd });
      }
      for (const value of variants) {
        expect(fieldsValid(value, schema, 8), JSON.stringify(value)).toBe(accepted(value, schema));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  test('on payloads deeper than allowed, and values that are not JSON', () => {
    const schema = RECORD_SCHEMA['state.changed'];
    const base = { key: 'k', step: null, invocation: null };
    let deep: unknown = 1;
    for (let i = 0; i < 9; i++) deep = { d: deep };
    for (const value of [deep, { a: 1n }, { a: Symbol('s') }, new Array(200_001).fill(0), { flat: 'x', n: 1 }]) {
      expect(fieldsValid({ ...base, value }, schema, 8)).toBe(accepted({ ...base, value }, schema));
    }
  });
});
