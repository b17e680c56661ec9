/** Every entry of the examples menu loads and runs offline, to the end it is meant to show. */
import { describe, expect, test } from 'vitest';
import { CHAPTERS, EXAMPLE_ENTRIES, exampleEntry, loadExamples, traceFacts, viteSourceLoader } from '../../../src/tutorial/index.ts';
import { driveSource, readSrc } from './driveSource.ts';

describe('examples menu', () => {
  test('ids are unique, link-safe, and keep the ids of the first playground', () => {
    const ids = EXAMPLE_ENTRIES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    expect(ids).toEqual(expect.arrayContaining(['parallel', 'collect', 'different-types', 'map-reduce', 'retrieval', 'agent-loop', 'document-batch']));
    expect(exampleEntry('retrieval')?.title).toBe('Retrieval pipeline');
    expect(exampleEntry('nope')).toBeUndefined();
  });

  test('every chapter example is in the menu, and every menu chapter exists', () => {
    const paths = EXAMPLE_ENTRIES.map((e) => e.path);
    for (const chapter of CHAPTERS) expect(paths).toContain(chapter.example);
    for (const entry of EXAMPLE_ENTRIES) if (entry.chapter) expect(CHAPTERS.map((c) => c.id)).toContain(entry.chapter);
  });

  test('loads with sources through the page\'s loader and through the file system alike', () => {
    const page = loadExamples(viteSourceLoader());
    const disk = loadExamples(readSrc);
    expect(page.map((e) => e.source)).toEqual(disk.map((e) => e.source));
    for (const example of page) expect(example.source).toMatch(/from "flowplay"/);
  });

  test.each(EXAMPLE_ENTRIES.map((e) => [e.id, e] as const))('%s runs offline to the end it shows, for several seeds', async (_id, entry) => {
    for (const seed of [0, 1, 2]) {
      const run = await driveSource(readSrc(entry.path), { seed, ...entry.run });
      expect(traceFacts.runFinished(run.trace)?.status, `seed ${seed}`).toBe(entry.run?.expectedStatus ?? 'stopped');
    }
  });

  test('the larger workflows do what their descriptions say', async () => {
    const retrieval = await driveSource(readSrc('examples/realistic/retrieval.ts'), { seed: 1 });
    const searches = traceFacts.ofKind(retrieval.trace, 'step.started').filter((r) => r.step.startsWith('search'));
    expect(new Set(searches.map((r) => r.t))).toEqual(new Set([0])); // all sources searched at once
    expect(traceFacts.ofKind(retrieval.trace, 'collect.progress').at(-1)).toMatchObject({ step: 'merge', complete: true, have: { HitsEvent: 3 } });

    const agent = await driveSource(readSrc('examples/realistic/agent-loop.ts'), { seed: 1 });
    expect(traceFacts.started(agent.trace, 'agent')).toHaveLength(3);
    expect(traceFacts.started(agent.trace, 'tool')).toHaveLength(2);
    expect(traceFacts.runFinished(agent.trace)?.result).toBe('How many thousand people live in Paris? About 2100 thousand.');

    const batch = await driveSource(readSrc('examples/realistic/document-batch.ts'), { seed: 1 });
    expect(traceFacts.peakConcurrency(batch.trace, 'summarise').peak).toBe(3);
    expect(traceFacts.lastState(batch.trace, 'batch_size')).toBe(5);
    expect(traceFacts.runFinished(batch.trace)?.result).toMatch(/^5 documents, \d+ words summarised$/);
  });
});
