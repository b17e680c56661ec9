/**
 * Exercise checks do not pass too easily: answers that get the run to stop the wrong way (a lucky
 * seed, work cut short, a change the task forbids, the right events at the wrong moment) fail, while
 * the solution passes for every seed tried.
 */
import { describe, expect, test } from 'vitest';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import type { Exercise } from '../../../src/tutorial/index.ts';
import { traceFacts } from '../../../src/tutorial/index.ts';
import { driveSource, readSrc } from './driveSource.ts';

const SEEDS = [0, 1, 2, 3, 4, 5];

function exercise(key: string): Exercise {
  const found = exerciseByKey(key);
  if (!found) throw new Error(`no exercise ${key}`);
  return found.exercise;
}

function edited(path: string, from: string | RegExp, to: string): string {
  const source = readSrc(path);
  const next = source.replace(from, to);
  if (next === source) throw new Error(`${String(from)} is not in ${path}`);
  return next;
}

async function verdict(key: string, source: string, seed: number, answers?: readonly string[]) {
  const ex = exercise(key);
  const run = await driveSource(source, { seed, input: ex.input, answers: answers ?? ex.answers });
  return { ...ex.check(run.trace, run.compiled.graph), status: traceFacts.runFinished(run.trace)?.status };
}

describe('finish within the timeout: a property of every seed, not of one', () => {
  const key = 'when-things-go-wrong/too-slow';
  const start = 'tutorial/examples/when-things-go-wrong/too-slow.ts';

  test('two workers fail for every seed, also for the seeds where the run happened to fit', async () => {
    const twoWorkers = edited(start, 'numWorkers: 1', 'numWorkers: 2');
    let lucky = 0;
    for (const seed of SEEDS) {
      const result = await verdict(key, twoWorkers, seed);
      expect(result.passed, `seed ${seed}: ${result.message}`).toBe(false);
      if (result.status === 'stopped') {
        lucky++;
        expect(result.message).toMatch(/waited for a free worker/);
      }
    }
    // Some seeds let two workers fit in time: exactly the answer a one-run check would let through.
    expect(lucky).toBeGreaterThan(0);
  });

  test('cutting the work short instead fails', async () => {
    const quick = edited(start, 'await sleep(randint(2, 4));', 'await sleep(1);');
    const result = await verdict(key, quick, 0);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/must still take its 2 to 4 seconds/);
  });

  test('the solution passes for every seed', async () => {
    for (const seed of SEEDS) expect(await verdict(key, readSrc('tutorial/examples/when-things-go-wrong/too-slow-fixed.ts'), seed)).toMatchObject({ passed: true });
  });
});

describe('progress for every section', () => {
  const key = 'streaming/per-section';
  const solution = 'tutorial/examples/streaming/per-section.ts';

  test('three events published at once, before the sections, fail', async () => {
    const upFront = edited(
      'tutorial/examples/streaming/progress.ts',
      /ctx\.writeEventToStream\(new ProgressEvent\(\{ message: `Writing \$\{ev\.sections\.length\} sections` \}\)\);/,
      'for (const section of ev.sections) ctx.writeEventToStream(new ProgressEvent({ message: `Writing ${section}` }));',
    );
    const result = await verdict(key, upFront, 0);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/at 1 moment, not as it started each section/);
  });

  test('one more than the sections fails', async () => {
    const extra = edited(solution, 'for (const section of ev.sections) {', 'ctx.writeEventToStream(new ProgressEvent({ message: "Writing" }));\n    for (const section of ev.sections) {');
    const result = await verdict(key, extra, 0);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/published 4 ProgressEvents; the exercise wants exactly one for each of its 3 sections/);
  });

  test('the solution passes', async () => {
    for (const seed of SEEDS.slice(0, 2)) expect(await verdict(key, readSrc(solution), seed)).toMatchObject({ passed: true });
  });
});

describe('add a step in the middle', () => {
  const key = 'first-workflow/add-a-step';

  test('a custom event that goes nowhere, with the first step still returning the StopEvent, fails', async () => {
    const sideEvent = `import { Context, Event, StartEvent, StopEvent, Workflow, step } from "flowplay";
class GreetingEvent extends Event<{ greeting: string }> {}
class HelloFlow extends Workflow {
  @step()
  async hello(ctx: Context, ev: StartEvent): Promise<StopEvent | GreetingEvent> {
    ctx.sendEvent(new GreetingEvent({ greeting: "Hello" }));
    return new StopEvent({ result: "Hello, Ada!" });
  }
  @step()
  async shout(ctx: Context, ev: GreetingEvent): Promise<null> {
    return null;
  }
}
console.log(await new HelloFlow({ timeout: 10, verbose: false }).run({ name: "Ada" }));
`;
    const result = await verdict(key, sideEvent, 0);
    expect(result.passed, result.message).toBe(false);
    expect(result.message).toMatch(/hello returned the StopEvent from StartEvent; the StopEvent must come from the second step/);
  });

  test('the solution passes', async () => {
    expect(await verdict(key, readSrc('tutorial/examples/first-workflow/two-steps.ts'), 0)).toMatchObject({ passed: true });
  });
});

describe('ask for confirmation', () => {
  const key = 'human-in-the-loop/confirm';
  const solution = 'tutorial/examples/human-in-the-loop/confirm.ts';

  test('the solution passes after a yes, and after a no and a second name', async () => {
    expect(await verdict(key, readSrc(solution), 0, ['Ada', 'yes'])).toMatchObject({ passed: true, message: expect.stringContaining('greeted Ada') });
    expect(await verdict(key, readSrc(solution), 0, ['Ada', 'no', 'Grace', 'yes'])).toMatchObject({ passed: true, message: expect.stringContaining('greeted Grace') });
  });

  test('a second question that is not the confirmation fails', async () => {
    const other = edited(solution, 'Shall I greet ${ev.response}? (yes/no) ', 'Are you sure? ');
    const result = await verdict(key, other, 0, ['Ada', 'yes']);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/wants "Shall I greet Ada\? \(yes\/no\)"/);
  });

  test('greeting after a no fails', async () => {
    const always = edited(solution, 'if (ev.response.trim().toLowerCase().startsWith("y")) {', 'if (true) {');
    const result = await verdict(key, always, 0, ['Ada', 'no']);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/greet only after a yes/);
  });
});

describe('take the other branch: only the input may change', () => {
  const key = 'branches-and-loops/quick-path';

  test('editing the condition instead of the input fails', async () => {
    const condition = edited('tutorial/examples/branches-and-loops/revise.ts', /if \(ev\.quick\)/, 'if (true)');
    const result = await verdict(key, condition, 0);
    expect(result.passed).toBe(false);
    expect(result.message).toMatch(/change the run's input, not the condition/);
  });

  test('the solution passes, and so does the input given through the Input box (startInput())', async () => {
    expect(await verdict(key, readSrc('tutorial/examples/branches-and-loops/quick-path.ts'), 0)).toMatchObject({ passed: true });
    const boxed = edited('tutorial/examples/branches-and-loops/revise.ts', /w\.run\(\{[^)]*\}\)/, 'w.run(startInput())').replace('from "flowplay";', 'from "flowplay";\nimport { startInput } from "flowplay";');
    const ex = exercise(key);
    const run = await driveSource(boxed, { seed: 0, input: { topic: 'workflows', quick: true } });
    expect(ex.check(run.trace, run.compiled.graph)).toMatchObject({ passed: true });
  });
});
