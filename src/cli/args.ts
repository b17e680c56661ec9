/** The command line, parsed. Flags and their spelling are an interface other tools rely on. */
export interface CliArgs {
  command: 'run' | 'graph' | 'check' | 'help';
  file: string | null;
  input: Record<string, unknown>;
  seed: number;
  clock: 'virtual' | 'real';
  trace: string | null;
  /** A recorded run to re-run with its seed, clock and inputs. */
  replay: string | null;
  /** A run saved before it ended (with its context) to go on from. */
  resume: string | null;
  format: 'mermaid' | 'json';
}

export const USAGE = `Usage:
  npm run flowplay -- run <file.ts> [--input JSON] [--seed N] [--clock virtual|real] [--trace out.json]
  npm run flowplay -- run <file.ts> --replay run.json [--trace out.json]
  npm run flowplay -- run <file.ts> --resume run.json [--clock virtual|real] [--trace out.json]
  npm run flowplay -- graph <file.ts|file.py> [--format mermaid|json]
  npm run flowplay -- check <file.ts|file.py>

run    evaluates the file; a file that defines one workflow and never runs it is run with --input
       as the start event's fields. Defaults: --clock virtual (sleeps take no wall time), --seed 0.
       --replay re-runs a recorded run (a run file saved from the page, or a --trace file) with its
       seed, start input and inputs (answers, events sent in, a stop) at their moments, on the virtual
       clock, and says whether the new trace is the recorded one record for record (exit 1 if not).
       --resume goes on from a run saved before it ended (Save run in the page while the run waited
       for an answer): the file's run context, start input and seed; its open question is asked again.
graph  prints the workflow graph (default: mermaid).
check  prints diagnostics as file:line:col: severity: message; exits 1 when there are errors.`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', file: null, input: {}, seed: 0, clock: 'virtual', trace: null, replay: null, resume: null, format: 'mermaid' };
  const positional: string[] = [];
  const given = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value.`);
      return v;
    };
    given.add(flag);
    switch (flag) {
      case '--input': {
        const text = value();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          throw new UsageError(`--input is not valid JSON (${(error as Error).message}): ${text}`);
        }
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
          throw new UsageError(`--input must be a JSON object of start event fields, e.g. '{"message": "hi"}'.`);
        }
        args.input = parsed as Record<string, unknown>;
        break;
      }
      case '--seed': {
        const text = value();
        const seed = Number(text);
        if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${text}.`);
        args.seed = seed;
        break;
      }
      case '--clock': {
        const clock = value();
        if (clock !== 'virtual' && clock !== 'real') throw new UsageError(`--clock must be virtual or real, got ${clock}.`);
        args.clock = clock;
        break;
      }
      case '--trace':
        args.trace = value();
        break;
      case '--replay':
        args.replay = value();
        break;
      case '--resume':
        args.resume = value();
        break;
      case '--format': {
        const format = value();
        if (format !== 'mermaid' && format !== 'json') throw new UsageError(`--format must be mermaid or json, got ${format}.`);
        args.format = format;
        break;
      }
      case '-h':
      case '--help':
        args.command = 'help';
        return args;
      default:
        if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
        positional.push(arg);
    }
  }
  const [command, file, extra] = positional;
  if (command === undefined) return args;
  if (command !== 'run' && command !== 'graph' && command !== 'check') throw new UsageError(`Unknown command ${command}.`);
  if (!file) throw new UsageError(`${command} needs a file, e.g. npm run flowplay -- ${command} src/examples/concurrency/parallel.ts`);
  if (extra) throw new UsageError(`Unexpected argument ${extra}.`);
  if (args.replay !== null) {
    if (command !== 'run') throw new UsageError('--replay goes with run.');
    const clash = ['--input', '--seed', '--clock'].filter((f) => given.has(f));
    if (clash.length) throw new UsageError(`--replay takes the seed, start input and clock from the recorded run; leave out ${clash.join(', ')}.`);
  }
  if (args.resume !== null) {
    if (command !== 'run') throw new UsageError('--resume goes with run.');
    const clash = ['--input', '--seed', '--replay'].filter((f) => given.has(f));
    if (clash.length) throw new UsageError(`--resume takes the start input and seed from the saved run; leave out ${clash.join(', ')}.`);
  }
  args.command = command;
  args.file = file;
  return args;
}
