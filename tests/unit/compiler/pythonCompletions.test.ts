/** Python completions from the Lezer reading: served modules and names, Context, ctx.store, event fields. */
import { describe, expect, it } from 'vitest';
import { pythonCompletions } from '../../../src/compiler/python/index.ts';

const FILE = `from workflows import Context, Workflow, step
from workflows.events import Event, StartEvent, StopEvent

class Base(Event):
    query: str

class Answer(Base):
    score: float = 0.0

class Other(Event):
    note: str

class Flow(Workflow):
    @step
    async def answer(self, ctx: Context, ev: Answer | Other) -> StopEvent:
        CURSOR
        return StopEvent(result=ev.query)
`;

/** Completions with the cursor where `typed` ends, typed in place of CURSOR. */
function at(typed: string, file = FILE): string[] {
  const text = file.replace('CURSOR', typed);
  const list = pythonCompletions(text, file.indexOf('CURSOR') + typed.length);
  return list ? list.items.map((i) => i.label) : [];
}

describe('Python completions', () => {
  it('names the served modules after from, and a module’s names after import', () => {
    const modules = pythonCompletions('from workflows.', 'from workflows.'.length)!;
    expect(modules.items.map((i) => i.label)).toEqual(expect.arrayContaining(['workflows.events', 'workflows.retry_policy']));
    expect(modules.from).toBe('from '.length);
    const names = pythonCompletions('from workflows.retry_policy import retry_policy, wai', 52)!;
    expect(names.items.map((i) => i.label)).toContain('wait_fixed');
    expect(names.from).toBe(49);
  });

  it('offers Context methods after a parameter annotated Context, and the store’s after ctx.store', () => {
    expect(at('ctx.')).toEqual(['send_event', 'collect_events', 'write_event_to_stream', 'wait_for_event', 'get', 'set', 'retry_info', 'store']);
    expect(at('ctx.store.')).toEqual(['get', 'set', 'get_state', 'set_state', 'edit_state', 'clear']);
    // A typed state's context is a context too.
    const typed = FILE.replace('ctx: Context', 'ctx: Context[MyState]');
    expect(typed).toContain('Context[MyState]');
    expect(at('ctx.', typed)).toEqual(['send_event', 'collect_events', 'write_event_to_stream', 'wait_for_event', 'get', 'set', 'retry_info', 'store']);
  });

  it('still knows the parameters while a line is typed at an indentation that ends the function', () => {
    const typing = FILE.replace('        CURSOR', '    CURSOR');
    expect(at('ctx.se', typing)).toEqual(['send_event', 'collect_events', 'write_event_to_stream', 'wait_for_event', 'get', 'set', 'retry_info', 'store']);
    expect(at('ev.', typing)).toEqual(['query', 'score', 'note', 'model_dump', 'get']);
  });

  it('offers the fields of the annotated event classes, inherited ones included', () => {
    expect(at('ev.')).toEqual(['query', 'score', 'note', 'model_dump', 'get']);
    expect(at('self.')).toEqual([]);
  });

  it('completes a word with the file’s classes and the names the playground provides', () => {
    expect(at('Ans')).toEqual(['Answer']);
    expect(at('StopE')).toEqual(['StopEvent']);
    expect(at('Human')).toEqual(['HumanResponseEvent']);
    expect(at('wait_')).toEqual(['wait_fixed', 'wait_none', 'wait_exponential', 'wait_incrementing', 'wait_random', 'wait_exponential_jitter', 'wait_random_exponential', 'wait_full_jitter', 'wait_chain', 'wait_combine']);
  });
});
