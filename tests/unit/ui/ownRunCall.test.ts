import { describe, expect, it } from 'vitest';
import { findOwnRunCall } from '../../../src/ui/run/ownRunCall.ts';

describe('where the code starts its own run', () => {
  it('finds the top-level run call and its arguments as written', () => {
    const source = 'class W extends Workflow {}\nconst w = new W();\nconst result = await w.run({ message: "Start (now)." });\n';
    const call = findOwnRunCall(source, []);
    expect(call).toMatchObject({ line: 3, argument: '{ message: "Start (now)." }' });
    expect(source.slice(call!.from, call!.to)).toBe('{ message: "Start (now)." }');
  });

  it('ignores calls inside the workflow classes, in comments and in strings', () => {
    const source = [
      'class W extends Workflow { async s() { return this.run(); } }',
      '// w.run({ a: 1 })',
      'const text = "w.run(2)";',
      '/* w.run(3) */',
      'await new W().run(',
      '  { n: [1, 2] },',
      ');',
    ].join('\n');
    const call = findOwnRunCall(source, [{ start: 0, end: source.indexOf('}\n') + 1 }]);
    expect(call).toMatchObject({ line: 5, argument: '{ n: [1, 2] },' });
  });

  it('no call, or one left open while typing: nothing to say', () => {
    expect(findOwnRunCall('const w = new W();', [])).toBeNull();
    expect(findOwnRunCall('await w.run({ a: 1 ', [])).toBeNull();
  });
});
