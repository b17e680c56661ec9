import { describe, expect, test } from 'vitest';
import { applyEdits } from '../../../src/compiler/edits.ts';
import { EditorService } from '../../../src/worker/editorService.ts';
import { sharedCompiler } from '../runSource.ts';

const editor = () => new EditorService(sharedCompiler());

const FLOW = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";

class DraftEvent extends Event<{ text: string; round: number }> {}

class ReviewFlow extends Workflow {
  @step()
  async draft(ctx: Context, ev: StartEvent): Promise<DraftEvent | null> {
    ctx.sendEvent(new DraftEvent({ text: "x", round: 1 }), "review");
    return null;
  }

  @step()
  async review(ctx: Context, ev: DraftEvent): Promise<StopEvent> {
    return new StopEvent({ result: ev.text });
  }
}
`;

describe('the editor language service', () => {
  test('completes flowplay names the file has not imported, and choosing one adds the import', () => {
    const source = FLOW.replace('return null;', 'return null; retry');
    const at = source.indexOf('retry') + 'retry'.length;
    const list = editor().completions(source, at)!;
    const item = list.items.find((i) => i.label === 'retryPolicy')!;
    expect(item.module).toBe('flowplay');
    const details = editor().completionDetails(source, at, item)!;
    expect(details.signature).toContain('retryPolicy');
    const imported = applyEdits(source, details.edits);
    expect(imported.split('\n')[0]).toMatch(/import \{ .*retryPolicy.* \} from "flowplay";/);
  });

  test('lists each name once, with its documentation', () => {
    const at = FLOW.indexOf('return new StopEvent');
    const list = editor().completions(FLOW, at)!;
    const labels = list.items.map((i) => i.label);
    expect(labels.length).toBe(new Set(labels).size);
    expect(labels).toContain('StopEvent');
    const stop = editor().completionDetails(FLOW, at, list.items.find((i) => i.label === 'StopEvent')!)!;
    expect(stop.documentation).toMatch(/Ends the run/);
    expect(stop.edits).toEqual([]);
  });

  test('inside an event\'s object literal the fields come first', () => {
    const source = FLOW.replace('new DraftEvent({ text: "x", round: 1 })', 'new DraftEvent({  })');
    const at = source.indexOf('new DraftEvent({ ') + 'new DraftEvent({ '.length;
    const list = editor().completions(source, at)!;
    const sorted = [...list.items].sort((a, b) => a.sortText.localeCompare(b.sortText));
    expect(sorted.slice(0, 2).map((i) => i.label).sort()).toEqual(['round', 'text']);
    expect(list.items.filter((i) => i.kind === 'keyword')).toEqual([]);
  });

  test('signature help names the parameter being written', () => {
    const source = FLOW.replace('"review");', '');
    const at = source.indexOf('round: 1 }),') + 'round: 1 }), '.length - 1;
    const help = editor().signatureHelp(source, at)!;
    const signature = help.signatures[help.active]!;
    expect(signature.prefix).toContain('sendEvent(');
    expect(signature.parameters.map((p) => p.label)).toEqual(['ev: Event', 'step?: string']);
    expect(help.activeParameter).toBe(1);
  });

  test('renaming an event class changes every use of it', () => {
    const at = FLOW.indexOf('DraftEvent');
    const plan = editor().rename(FLOW, at);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.name).toBe('DraftEvent');
    const renamed = applyEdits(FLOW, plan.locations.map((l) => ({ ...l, text: 'ProposalEvent' })));
    expect(renamed).not.toContain('DraftEvent');
    expect(renamed.match(/ProposalEvent/g)).toHaveLength(4);
  });

  test('renaming a step also changes the sends that name it', () => {
    const at = FLOW.indexOf('async review') + 'async '.length;
    const plan = editor().rename(FLOW, at);
    if (!plan.ok) throw new Error(plan.reason);
    const renamed = applyEdits(FLOW, plan.locations.map((l) => ({ ...l, text: 'critique' })));
    expect(renamed).toContain('"critique");');
    expect(renamed).toContain('async critique(');
    const graph = sharedCompiler().compile(renamed).graph;
    expect(graph.nodes.map((n) => n.id)).toContain('step:critique');
  });

  test('a flowplay name cannot be renamed from the user file', () => {
    const plan = editor().rename(FLOW, FLOW.indexOf('sendEvent') + 1);
    expect(plan.ok).toBe(false);
  });
});
