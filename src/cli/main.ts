/**
 * The `flowplay` command line: `run`, `graph` and `check` a workflow file without a browser.
 * Output on stdout is what user code logs (run), the graph (graph) or diagnostics (check); failures
 * go to stderr with a non-zero exit code.
 */
import { createInterface } from 'node:readline';
import { readFileSync, writeFileSync } from 'node:fs';
import { createCompiler, formatDiagnostic, toMermaid } from '../compiler/index.ts';
import { analysePython } from '../compiler/python/index.ts';
import type { CompileResult } from '../compiler/index.ts';
import { TraceStore, replayPlanOf } from '../engine/index.ts';
import type { ReplayPlan, TraceRecord } from '../engine/index.ts';
import { compareTraces, differenceLine, differingWords, parseRunFile, pendingQuestion, readRecordedRun, recordLine } from '../inspect/index.ts';
import type { RunFile } from '../inspect/index.ts';
import { USAGE, UsageError, parseArgs } from './args.ts';
import type { CliArgs } from './args.ts';
import { nodeCompilerFiles } from './compilerFiles.ts';
import { loadNodePython } from '../node/loadNodePython.ts';
import { runFile, runHosted } from './runFile.ts';
import type { HostOptions } from './runFile.ts';

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`flowplay: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help' || !args.file) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = args.file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`flowplay: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }

  // A .py file is read by the Python analyser: the same graph model and diagnostics, no type check.
  const python = file.endsWith('.py');
  if (args.command === 'check') {
    const result = python ? analysePython(source) : createCompiler(nodeCompilerFiles()).compile(source, { emit: false });
    for (const d of result.diagnostics) process.stdout.write(`${formatDiagnostic(file, d)}\n`);
    return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  }

  // graph and run read the structure only; the type check is for `check` and the editor.
  const result = python ? analysePython(source) : createCompiler().compile(source, { typeCheck: false, emit: args.command === 'run' });
  if (args.command === 'graph') {
    printErrors(file, result);
    process.stdout.write(args.format === 'json' ? `${JSON.stringify({ workflows: result.workflows, graph: result.graph }, null, 2)}\n` : `${toMermaid(result.graph)}\n`);
    return 0;
  }

  // Python runs unless it cannot be parsed; TypeScript runs when it compiled to JavaScript.
  const unparsable = python ? result.diagnostics.some((d) => d.code === 'syntax') : result.js === null;
  if (unparsable) {
    printErrors(file, result);
    process.stderr.write(`flowplay: ${file} has syntax errors; nothing was run.\n`);
    return 1;
  }
  let recorded: { trace: TraceRecord[]; plan: ReplayPlan } | null = null;
  if (args.replay) {
    const read = readRecorded(args.replay, source);
    if (typeof read === 'string') {
      process.stderr.write(`flowplay: ${read}\n`);
      return 2;
    }
    recorded = read;
  }
  let saved: RunFile | null = null;
  if (args.resume) {
    const read = readSaved(args.resume, source);
    if (typeof read === 'string') {
      process.stderr.write(`flowplay: ${read}\n`);
      return 2;
    }
    saved = read;
  }
  // The trace is kept in columns while the code runs and made into records once, at the end.
  const store = args.trace || recorded ? new TraceStore() : undefined;
  let exitCode = 0;
  const input = recorded ? (recorded.plan.start ?? {}) : saved ? saved.input : args.input;
  try {
    const host: HostOptions = {
      input,
      seed: recorded ? (recorded.plan.seed ?? 0) : saved ? (saved.seed ?? 0) : args.seed,
      clock: recorded ? 'virtual' : args.clock,
      write: (line) => process.stdout.write(`${line}\n`),
      writeError: (line) => process.stderr.write(`${line}\n`),
      ...(store ? { traceStore: store } : {}),
      answer: stdinAnswers(),
      ...(recorded ? { replay: recorded.plan.inputs } : {}),
      ...(saved?.context ? { resume: { context: saved.context, question: saved.context.awaitingInput > 0 ? (pendingQuestion(saved.trace)?.prefix ?? null) : null } } : {}),
    };
    if (python) {
      const runtime = await loadNodePython();
      await runHosted(host, () => runtime.runSource(source, file, { input, print: (line) => process.stdout.write(`${line}\n`) }));
    } else {
      await runFile({ ...host, js: result.js!, workflowNames: result.workflows.map((w) => w.name) });
    }
  } catch (error) {
    exitCode = 1;
    process.stderr.write(`${describeError(error)}\n`);
  }
  const trace: TraceRecord[] = store ? store.records() : [];
  if (args.trace) writeFileSync(args.trace, `${JSON.stringify(trace)}\n`);
  if (recorded && args.replay) {
    const comparison = compareTraces(recorded.trace, trace);
    const { same, difference, differences } = comparison;
    if (difference === null) {
      process.stderr.write(`flowplay: the replay wrote the ${same} records of ${args.replay} again, identical (run ids aside).\n`);
    } else {
      exitCode = 1;
      const listed = differences.length > 1 ? differences.slice(0, 20).map((d) => `    ${differenceLine(d)}\n`).join('') : '';
      const more = `  ${differingWords(comparison)}\n${listed}`;
      process.stderr.write(
        `flowplay: the replay differs from ${args.replay} at record ${difference.first?.seq ?? difference.index + 1} (the ${same} before it are identical):\n` +
          `  recorded: ${recordLine(difference.first)}\n  replayed: ${recordLine(difference.second)}\n${more}`,
      );
    }
  }
  return exitCode;
}

/** A file named on the command line, or why it cannot be read. */
function readText(path: string): { text: string; error: null } | { text: null; error: string } {
  try {
    return { text: readFileSync(path, 'utf8'), error: null };
  } catch (error) {
    return { text: null, error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

/** The recorded run behind `--replay`, or what is wrong with it; notes what keeps it from replaying exactly. */
function readRecorded(path: string, source: string): { trace: TraceRecord[]; plan: ReplayPlan } | string {
  const text = readText(path);
  if (text.error !== null) return text.error;
  const read = readRecordedRun(text.text);
  if (!read.ok) return `${path}: ${read.error}`;
  const plan = replayPlanOf(read.trace);
  if (read.code !== null && read.code !== source) process.stderr.write(`flowplay: note: ${path} was recorded from other code than this file; the replay runs this file.\n`);
  if (plan.clock === 'real') process.stderr.write(`flowplay: note: ${path} ran on the real clock; it is re-run on the virtual clock and may go differently.\n`);
  return { trace: read.trace, plan };
}

/** The saved run behind `--resume`, with its context, or what keeps it from resuming. */
function readSaved(path: string, source: string): RunFile | string {
  const text = readText(path);
  if (text.error !== null) return text.error;
  const read = parseRunFile(text.text);
  if (!read.ok) return `${path}: ${read.error}`;
  if (read.contextProblem) return `${path}: ${read.contextProblem}`;
  if (!read.file.context) return `${path} has no saved context to resume: it was saved after its run ended (replay it with --replay).`;
  if (read.file.code !== source) process.stderr.write(`flowplay: note: ${path} was saved from other code than this file; the run resumes with this file.\n`);
  return read.file;
}

/**
 * Human in the loop on the command line: the question is printed like Python's `input(prefix)` and
 * the answer is the next line of standard input (typed, or piped in). No more input means no answer.
 */
function stdinAnswers(): (prefix: string) => Promise<string | null> {
  let reader: ReturnType<typeof createInterface> | null = null;
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  const open = () => {
    reader = createInterface({ input: process.stdin, terminal: false });
    reader.on('line', (line) => (waiting.length ? waiting.shift()!(line) : lines.push(line)));
    reader.on('close', () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve(null);
    });
  };
  return (prefix) => {
    if (!reader) open();
    process.stdout.write(prefix);
    if (lines.length) return Promise.resolve(lines.shift()!);
    if (closed) {
      process.stderr.write('\nflowplay: the workflow asked for input but standard input is closed; the run is cancelled.\n');
      return Promise.resolve(null);
    }
    return new Promise((resolve) => waiting.push((line) => {
      if (line === null) process.stderr.write('\nflowplay: the workflow asked for input but standard input is closed; the run is cancelled.\n');
      resolve(line);
    }));
  };
}

function printErrors(file: string, result: CompileResult): void {
  for (const d of result.diagnostics) {
    if (d.severity === 'error') process.stderr.write(`${formatDiagnostic(file, d)}\n`);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const detail = process.env.FLOWPLAY_DEBUG && error.stack ? `\n${error.stack}` : '';
    return `${error.name}: ${error.message}${detail}`;
  }
  return `Error: ${String(error)}`;
}

// A run that can never finish (e.g. `timeout: null` with nothing left to do) would otherwise let the
// process end quietly with exit code 0.
process.on('beforeExit', () => {
  process.stderr.write('flowplay: the workflow has nothing left to do but never stopped (no StopEvent and no timeout).\n');
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`flowplay: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(70);
  },
);
