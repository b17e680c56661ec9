/**
 * Analysis time of the compiler after warm-up, the way the editor uses it: one long-lived compiler,
 * a slightly different text each time (as if the user typed), full analysis (parse, type check,
 * graph, diagnostics, code). Bars: 50 lines < 30 ms, 1,000 lines < 200 ms. The Python analyser (no
 * Python runtime, Lezer's grammar) on a 200-line file: < 50 ms, a sixth of the 300 ms the page allows
 * from typing to graph.
 *
 *   node --import tsx bench/compiler.ts
 */
import { pathToFileURL } from 'node:url';
import { nodeCompilerFiles } from '../src/cli/compilerFiles.ts';
import { createCompiler } from '../src/compiler/index.ts';
import { analysePython } from '../src/compiler/python/index.ts';

export interface CompilerBenchResult {
  name: string;
  lines: number;
  /** Median over the measured runs, in milliseconds. */
  medianMs: number;
  maxMs: number;
  barMs: number;
  ok: boolean;
}

const HEADER = `import { Context, Event, StartEvent, StopEvent, Workflow, randint, sleep, step } from "flowplay";\n`;

/** A chain of `stages` steps, each with its event, a send, a sleep and a collect: about 15 lines a stage. */
export function workflowSource(stages: number, edit: number): string {
  let out = HEADER;
  for (let i = 0; i < stages; i++) out += `\nclass Stage${i}Event extends Event<{ query: string; n: number }> {}\n`;
  out += `\nclass BenchFlow extends Workflow {\n`;
  for (let i = 0; i < stages; i++) {
    const accepts = i === 0 ? 'StartEvent' : `Stage${i - 1}Event`;
    const returns = i === stages - 1 ? 'StopEvent' : `Stage${i}Event`;
    const make = i === stages - 1 ? `new StopEvent({ result: "done ${edit}" })` : `new Stage${i}Event({ query: "q${i}", n: ${i} })`;
    out += `
  @step({ numWorkers: ${1 + (i % 4)} })
  async stage${i}(ctx: Context, ev: ${accepts}): Promise<${returns} | null> {
    const seen = await ctx.get<number>("seen${i}", 0);
    await ctx.set("seen${i}", seen + 1);
    if (seen > 3) {
      console.log("stage ${i} saw", seen);
    }
    await sleep(randint(1, 3));
    return ${make};
  }
`;
  }
  out += `}\n\nconst result = await new BenchFlow({ timeout: 60 }).run({ message: "edit ${edit}" });\nconsole.log(result);\n`;
  return out;
}

const PY_HEADER = `import asyncio\nimport random\nfrom llama_index.core.workflow import Context, Event, StartEvent, StopEvent, Workflow, step\n`;

/** The same chain in Python, as the LlamaIndex docs write it: about 12 lines a stage. */
export function pythonWorkflowSource(stages: number, edit: number): string {
  let out = PY_HEADER;
  for (let i = 0; i < stages; i++) out += `\nclass Stage${i}Event(Event):\n    query: str\n    n: int = 0\n`;
  out += `\nclass BenchFlow(Workflow):\n`;
  for (let i = 0; i < stages; i++) {
    const accepts = i === 0 ? 'StartEvent' : `Stage${i - 1}Event`;
    const returns = i === stages - 1 ? 'StopEvent' : `Stage${i}Event`;
    const make = i === stages - 1 ? `StopEvent(result="done ${edit}")` : `Stage${i}Event(query="q${i}", n=${i})`;
    out += `
    @step(num_workers=${1 + (i % 4)})
    async def stage_${i}(self, ctx: Context, ev: ${accepts}) -> ${returns} | None:
        seen = await ctx.store.get("seen${i}", default=0)
        await ctx.store.set("seen${i}", seen + 1)
        if seen > 3:
            print("stage ${i} saw", seen)
        await asyncio.sleep(random.randint(1, 3))
        return ${make}
`;
  }
  out += `\nresult = await BenchFlow(timeout=60).run(message="edit ${edit}")\nprint(result)\n`;
  return out;
}

function measure(
  name: string,
  stages: number,
  barMs: number,
  compile: (source: string) => void,
  sourceOf: (stages: number, edit: number) => string = workflowSource,
): CompilerBenchResult {
  for (let i = 0; i < 15; i++) compile(sourceOf(stages, i)); // warm-up: JIT and library binding
  const times: number[] = [];
  for (let i = 0; i < 25; i++) {
    const source = sourceOf(stages, 1000 + i);
    const start = performance.now();
    compile(source);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] ?? 0;
  return {
    name,
    lines: sourceOf(stages, 0).split('\n').length,
    medianMs,
    maxMs: times[times.length - 1] ?? 0,
    barMs,
    ok: medianMs < barMs,
  };
}

export async function benchCompiler(): Promise<CompilerBenchResult[]> {
  const compiler = createCompiler(nodeCompilerFiles());
  const compile = (source: string) => {
    const result = compiler.compile(source);
    if (result.js === null || result.diagnostics.some((d) => d.severity === 'error')) {
      throw new Error(`benchmark source does not compile cleanly: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    }
  };
  const results = [measure('compiler: 50-line workflow', 3, 30, compile), measure('compiler: 1,000-line workflow', 90, 200, compile)];
  compiler.dispose();
  const analyse = (source: string) => {
    const result = analysePython(source);
    if (result.graph.nodes.length === 0 || result.diagnostics.some((d) => d.severity === 'error')) {
      throw new Error(`benchmark source does not analyse cleanly: ${result.diagnostics.map((d) => d.message).join('; ')}`);
    }
  };
  results.push(measure('python analysis: 200-line file', 16, 50, analyse, pythonWorkflowSource));
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchCompiler().then((results) => {
    for (const r of results) {
      console.log(
        `${r.name.padEnd(32)} ${String(r.lines).padStart(5)} lines  median ${r.medianMs.toFixed(1).padStart(6)} ms  max ${r.maxMs.toFixed(1).padStart(6)} ms  bar ${r.barMs} ms  ${r.ok ? 'ok' : 'SLOW'}`,
      );
    }
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  });
}
