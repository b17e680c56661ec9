import { fail, pass, unlessStopped } from '../checkResult.ts';
import { inLang } from '../codeNames.ts';
import type { Chapter } from '../model.ts';
import { alt, code, prose } from '../prose.ts';
import { listing, ofKind, plural, started } from '../traceFacts.ts';
import type { ResourceInjectedRecord, TraceRecord } from '../../engine/index.ts';

type Trace = readonly TraceRecord[];

/** What the invocations of `step` got for the parameter `param`, in order. */
function injected(trace: Trace, step: string, param: string): ResourceInjectedRecord[] {
  return ofKind(trace, 'resource.injected').filter((r) => r.step === step && r.param === param);
}

/** `getMemory #1`: one object, as the inspector names it. */
const instanceName = (r: ResourceInjectedRecord) => `${r.resource} #${r.instance}`;

const sameObject = (a: ResourceInjectedRecord, b: ResourceInjectedRecord) => a.resource === b.resource && a.instance === b.instance;

export const resources: Chapter = {
  id: 'resources',
  title: 'Resources',
  text: prose`Steps often need things that are not events: a client for a model, a database connection, the
memory of a conversation. Instead of building them inside the step, declare them as **resources**: ${alt(`a
parameter after the event whose default is \`Resource(factory)\`, as in
\`async reply(ctx: Context, ev: QuestionEvent, memory = Resource(getMemory))\``, `a
parameter after the event annotated with \`Resource(factory)\`, as in
\`async def reply(self, ctx: Context, ev: QuestionEvent, memory: Annotated[Memory, Resource(get_memory)])\``)}. Before the step's code
runs, the ${alt('engine', 'workflow')} calls ${code('getMemory()')} and passes in what it returns. ${alt(`The parameter has the factory's
return type, so the editor checks how you use it.`, `\`Resource\` comes from \`llama_index.core.workflow.resource\`
(or \`workflows.resource\`), \`Annotated\` from \`typing\`.`)}

- **Cached by default.** The first step that asks calls the factory; every later step that names the
  same factory gets the same object, in this run and in later runs of the same workflow object. That
  is how \`listen\` and \`reply\` share one memory in the example.
- ${code('Resource(getNotes, { cache: false })', 'Resource(get_notes, cache=False)')} calls the factory again for every step invocation, for
  things that must not be shared.
- **Factories may be async** (connecting takes a moment) and may ask for other resources the same way:
  ${code('async function getModel(settings = Resource(getSettings))', 'async def get_model(settings: Annotated[dict, Resource(get_settings)])')}.

A resource is known by its factory function, so two ${alt('inline arrows, `Resource(() => new Memory())`', 'lambdas, `Resource(lambda: Memory())`')}
in one step and the same text in another, are two different resources.

The graph draws each factory as a box feeding the steps that use it. The inspector shows, for every
invocation, which instance of which resource it got and whether the factory ran for it. A factory that
${alt('throws', 'raises')} fails the step, and the step's retry policy applies to it.`,
  example: 'tutorial/examples/resources/chat-memory.ts',
  exercises: [
    {
      id: 'share-memory',
      title: 'One memory for both steps',
      task: '`reply` answers as if nobody had asked anything: each step gets a memory of its own. Make `listen` and `reply` share one memory, as resources.',
      start: 'tutorial/examples/resources/own-memories.ts',
      solution: 'tutorial/examples/resources/shared-memory.ts',
      hint: prose`Name the factory once, ${code('function getMemory(): Memory { return new Memory(); }', 'def get_memory() -> Memory: return Memory()')}, and use ${code('Resource(getMemory)')} in both steps.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const heard = injected(trace, 'listen', 'memory');
        const replied = injected(trace, 'reply', 'memory');
        const details = [...heard, ...replied].map((r) => `${r.step} got ${instanceName(r)}${r.created ? ', made for it' : ', from the cache'}`);
        if (heard.length === 0 || replied.length === 0) {
          const without = listing([heard.length === 0 ? 'listen' : '', replied.length === 0 ? 'reply' : ''].filter(Boolean));
          return fail(`${without} got no memory resource: declare the memory as a parameter \`${inLang(lang, 'memory = Resource(...)', 'memory: Annotated[Memory, Resource(...)]')}\` of both steps.`, details);
        }
        const shared = replied.find((r) => heard.some((h) => sameObject(h, r)));
        if (!shared) {
          return fail(`listen got ${listing(heard.map(instanceName))} and reply got ${listing(replied.map(instanceName))}: two memories, so reply cannot see what listen remembered.`, details);
        }
        return pass(`listen and reply shared ${instanceName(shared)}: reply read what listen remembered.`, details);
      },
    },
    {
      id: 'own-notes',
      title: 'Notes of its own',
      task: 'The three drafts are written at once, and the notes of each end up in the others. Give every invocation of `draft` its own Notes, still as a resource.',
      start: 'tutorial/examples/resources/shared-notes.ts',
      solution: 'tutorial/examples/resources/own-notes.ts',
      hint: prose`A cached resource is one object for everybody. ${code('Resource(getNotes, { cache: false })', 'Resource(get_notes, cache=False)')} calls the factory for each invocation.`,
      check(trace, _graph, lang = 'typescript') {
        const notStopped = unlessStopped(trace);
        if (notStopped) return notStopped;
        const drafts = started(trace, 'draft').length;
        const notes = injected(trace, 'draft', 'notes');
        const details = notes.map((r) => `draft invocation ${r.invocation} got ${instanceName(r)}${r.created ? ', made for it' : ', from the cache'}`);
        if (notes.length === 0) return fail(`draft ran ${plural(drafts, 'time')} without a notes resource: keep \`${inLang(lang, 'notes = Resource(...)', 'notes: Annotated[Notes, Resource(...)]')}\` as its parameter.`, details);
        const distinct = new Set(notes.map(instanceName));
        if (distinct.size < notes.length) {
          return fail(`${notes.length} drafts shared ${plural(distinct.size, 'Notes object')} (${listing([...distinct])}): each draft's notes were mixed with the others'.`, details);
        }
        return pass(`Each of the ${notes.length} drafts got a Notes of its own (${listing([...distinct])}).`, details);
      },
    },
  ],
};
