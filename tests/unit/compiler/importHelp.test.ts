import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { applyEdits } from '../../../src/compiler/edits.ts';
import type { Diagnostic } from '../../../src/compiler/index.ts';
import { sharedCompiler } from '../runSource.ts';

const withFix = (source: string) => sharedCompiler().compile(source).diagnostics.filter((d) => d.fix);
const fixed = (source: string, d: Diagnostic) => applyEdits(source, d.fix!.edits);
const errorsAfter = (source: string) =>
  sharedCompiler()
    .compile(source)
    .diagnostics.filter((d) => d.severity !== 'info')
    .map((d) => d.message);

/** Chapter one's suggested edit, typed into a file that does not import Event. */
const CHAPTER_ONE = readFileSync(new URL('../../fixtures/editor/host-event.ts.txt', import.meta.url), 'utf8');

describe('names from flowplay that the file has not imported', () => {
  test('extending Event without importing it is said in plain words, and the fix imports it', () => {
    const diagnostics = sharedCompiler().compile(CHAPTER_ONE).diagnostics;
    const host = diagnostics.filter((d) => d.code === 'host-event');
    expect(host).toHaveLength(1);
    expect(host[0]!.message).toMatch(/GreetingEvent extends the Event type every browser has, not Flowplay's Event/);
    expect(host[0]!.range.line).toBe(3);
    // TypeScript's own puzzling words at that spot are not shown next to it.
    expect(diagnostics.filter((d) => d.source === 'typescript' && d.range.line === 3)).toEqual([]);
    const after = fixed(CHAPTER_ONE, host[0]!);
    expect(after.split('\n')[0]).toBe('import { Context, StartEvent, StopEvent, Workflow, step, Event } from "flowplay";');
    expect(errorsAfter(after)).toEqual([]);
  });

  test('an Event the file imports or declares itself is left alone', () => {
    const imported = CHAPTER_ONE.replace('import { Context,', 'import { Event, Context,');
    expect(withFix(imported)).toEqual([]);
    const own = `class Event<T> { constructor(readonly data: T) {} }\nclass A extends Event<number> {}\n`;
    expect(sharedCompiler().compile(own).diagnostics.filter((d) => d.code === 'host-event')).toEqual([]);
  });

  test('a missing flowplay name gets a quick fix that adds it to the import', () => {
    const source = CHAPTER_ONE.replace('import { Context, StartEvent,', 'import { Event, StartEvent,');
    const fixes = withFix(source);
    expect(fixes.map((d) => d.fix!.title)).toEqual(['Import Context from "flowplay"', 'Import Context from "flowplay"']);
    expect(errorsAfter(fixed(source, fixes[0]!))).toEqual([]);
  });

  test('without any import the fix writes the import line', () => {
    const source = `class Flow extends Workflow {}\n`;
    const [fix] = withFix(source);
    expect(fixed(source, fix!)).toBe(`import { Workflow } from "flowplay";\nclass Flow extends Workflow {}\n`);
  });

  test('a name flowplay does not export gets no fix', () => {
    const source = `import { Workflow } from "flowplay";\nconst x = notAThing + 1;\n`;
    expect(withFix(source)).toEqual([]);
  });
});
