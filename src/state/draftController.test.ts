import { beforeEach, describe, expect, test } from 'vitest';
import { createDraftStore } from '../share/index.ts';
import { MemoryStorage, quotaExceeded } from '../../tests/unit/share/memoryStorage.ts';
import { createDraftController } from './draftController.ts';
import { createRunStore, updateSettings } from './runStore.ts';
import { createWorkspaceStore, setSource } from './workspaceStore.ts';

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (callback: () => void) => (pending.set(next, callback), next++),
    clearTimer: (handle: unknown) => void pending.delete(handle as number),
    fire: () => {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback();
    },
    count: () => pending.size,
  };
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
});

function setup(source = 'class Start extends Workflow {}') {
  const workspace = createWorkspaceStore(source);
  const run = createRunStore();
  const timers = manualTimers();
  const drafts = createDraftStore(storage);
  const controller = createDraftController({ workspace, run, drafts, ...timers });
  controller.load();
  controller.rendered();
  return { workspace, run, timers, drafts, controller };
}

describe('draft controller', () => {
  test('an edit is saved after the delay, once, with the run\'s input and seed', () => {
    const { workspace, run, timers, drafts } = setup();
    setSource(workspace, 'class A extends Workflow {}');
    setSource(workspace, 'class AB extends Workflow {}');
    updateSettings(run, { seed: 9, inputText: '{"n":1}' });
    expect(drafts.load().current).toBeNull();
    expect(timers.count()).toBe(1);
    timers.fire();
    expect(drafts.load().current).toMatchObject({ code: 'class AB extends Workflow {}', seed: 9, input: { n: 1 }, title: 'AB' });
  });

  test('nothing is written until the user changes something', () => {
    const { timers } = setup();
    expect(timers.count()).toBe(0);
    expect(storage.data.size).toBe(0);
  });

  test('opening a link keeps the typed draft (even one still inside the delay) as the saved draft, offered first', () => {
    const { workspace, run, controller, drafts } = setup();
    setSource(workspace, 'class Mine extends Workflow {}');
    controller.open({ code: 'class Linked extends Workflow {}', origin: 'link', title: 'Shared link', seed: 3, input: { q: 'x' } });
    expect(workspace.getState().source).toBe('class Linked extends Workflow {}');
    expect(run.getState().settings).toMatchObject({ seed: 3, inputText: '{"q":"x"}' });
    const { current, history, opened } = drafts.load();
    // An opened link that was never edited is not a draft: the user's stays current.
    expect(current).toMatchObject({ code: 'class Mine extends Workflow {}' });
    expect(history).toEqual([]);
    expect(opened.map((d) => d.title)).toEqual(['Shared link']);
    expect(controller.store.getState().history.map((d) => d.code)).toEqual(['class Mine extends Workflow {}']);
  });

  test('the first edit of an opened link makes it the draft, and the one it replaced goes into the history', () => {
    const { workspace, controller, drafts, timers } = setup();
    setSource(workspace, 'class Mine extends Workflow {}');
    controller.open({ code: 'class Linked extends Workflow {}', origin: 'link', title: 'Shared link' });
    expect(timers.count()).toBe(0);
    setSource(workspace, 'class LinkedEdited extends Workflow {}');
    timers.fire();
    const { current, history } = drafts.load();
    expect(current).toMatchObject({ code: 'class LinkedEdited extends Workflow {}', origin: 'typed' });
    expect(history.map((d) => d.code)).toEqual(['class Mine extends Workflow {}']);
  });

  test('a dozen opened links never push the user\'s own drafts out of the history', () => {
    const { workspace, controller, drafts, timers } = setup();
    for (let i = 0; i < 10; i++) {
      setSource(workspace, `class Mine${i} extends Workflow {}`);
      timers.fire();
      controller.open({ code: `class Example${i} extends Workflow {}`, origin: 'example', title: `Example ${i}` });
    }
    setSource(workspace, 'class MineLast extends Workflow {}');
    timers.fire();
    for (let i = 0; i < 12; i++) controller.open({ code: `class Hostile${i} extends Workflow {}`, origin: 'link', title: 'Shared link' });
    const { current, history, opened } = drafts.load();
    expect(current?.code).toBe('class MineLast extends Workflow {}');
    expect(history.map((d) => d.code)).toEqual(Array.from({ length: 10 }, (_, i) => `class Mine${9 - i} extends Workflow {}`));
    expect(opened).toHaveLength(5);
  });

  test('nothing is written before the page has rendered once', () => {
    const workspace = createWorkspaceStore('class Start extends Workflow {}');
    const run = createRunStore();
    const timers = manualTimers();
    const drafts = createDraftStore(storage);
    const controller = createDraftController({ workspace, run, drafts, ...timers });
    controller.load();
    controller.open({ code: 'class Huge extends Workflow {}', origin: 'link', title: 'Shared link' });
    controller.flush();
    expect(storage.data.size).toBe(0);
    controller.rendered();
    expect(drafts.load().opened.map((d) => d.code)).toEqual(['class Huge extends Workflow {}']);
    expect(drafts.load().current).toBeNull();
  });

  test('the saved draft comes back from under an opened link without a write', () => {
    const { workspace, controller, drafts, timers } = setup();
    setSource(workspace, 'class Mine extends Workflow {}');
    timers.fire();
    controller.open({ code: 'class Linked extends Workflow {}', origin: 'link', title: 'Shared link' });
    const [mine] = controller.store.getState().history;
    expect(controller.restore(mine!.id)?.code).toBe('class Mine extends Workflow {}');
    expect(workspace.getState().source).toBe('class Mine extends Workflow {}');
    expect(drafts.load().current?.code).toBe('class Mine extends Workflow {}');
    expect(controller.store.getState().history).toEqual([]);
    // The link is one click away among the recently opened.
    const [linked] = controller.store.getState().opened;
    controller.restore(linked!.id);
    expect(workspace.getState().source).toBe('class Linked extends Workflow {}');
  });

  test('restore brings a draft back with its seed; the replaced one goes into the history', () => {
    const { workspace, run, controller, timers } = setup();
    setSource(workspace, 'class Mine extends Workflow {}');
    updateSettings(run, { seed: 5 });
    timers.fire();
    controller.open({ code: 'class First extends Workflow {}', origin: 'example', title: 'First' });
    setSource(workspace, 'class Other extends Workflow {}');
    timers.fire();
    controller.open({ code: 'class Example extends Workflow {}', origin: 'example', title: 'Example', seed: 1 });
    const id = controller.store.getState().history.find((d) => d.title === 'Mine')!.id;
    controller.restore(id);
    expect(workspace.getState().source).toBe('class Mine extends Workflow {}');
    expect(run.getState().settings.seed).toBe(5);
    // The saved draft the example was shown over is kept; the untouched example is not a draft.
    expect(controller.store.getState().history.map((d) => d.title)).toEqual(['Other']);
    expect(controller.store.getState().opened.map((d) => d.title)).toEqual(['Example', 'First']);
  });

  test('full storage is reported, the text stays, and the save is retried on the next edit', () => {
    const { workspace, controller, timers, drafts } = setup();
    storage.failWrites = quotaExceeded();
    setSource(workspace, 'class Mine extends Workflow {}');
    timers.fire();
    expect(controller.store.getState().problem).toMatch(/could not be saved: browser storage is full/);
    expect(workspace.getState().source).toBe('class Mine extends Workflow {}');
    storage.failWrites = null;
    setSource(workspace, 'class Mine2 extends Workflow {}');
    timers.fire();
    expect(controller.store.getState().problem).toBeNull();
    expect(drafts.load().current?.code).toBe('class Mine2 extends Workflow {}');
  });

  test('resume shows the saved draft without writing it again', () => {
    storage.data.clear();
    const first = setup();
    setSource(first.workspace, 'class Saved extends Workflow {}');
    updateSettings(first.run, { seed: 4 });
    first.timers.fire();
    const again = setup('class Default extends Workflow {}');
    const saved = again.drafts.load().current!;
    again.controller.resume(saved);
    expect(again.workspace.getState().source).toBe('class Saved extends Workflow {}');
    expect(again.run.getState().settings.seed).toBe(4);
    expect(again.timers.count()).toBe(0);
  });
});

describe('draft controller and the input field', () => {
  test('an input that says the same as the field keeps the field\'s own formatting', () => {
    const { run, controller } = setup();
    const before = run.getState().settings.inputText;
    controller.open({ code: 'class L extends Workflow {}', origin: 'link', title: 'Shared link', input: JSON.parse(before) as Record<string, unknown> });
    expect(run.getState().settings.inputText).toBe(before);
    controller.open({ code: 'class M extends Workflow {}', origin: 'link', title: 'Shared link', input: { other: true } });
    expect(run.getState().settings.inputText).toBe('{"other":true}');
  });
});

describe('draft controller when storage refuses', () => {
  test('replacing the text still leaves a way back, for as long as the tab lives', () => {
    const { workspace, controller } = setup();
    storage.failWrites = quotaExceeded();
    setSource(workspace, 'class Mine extends Workflow {}');
    expect(controller.open({ code: 'class Example extends Workflow {}', origin: 'example', title: 'Example' })).toBe(true);
    expect(controller.store.getState().problem).toMatch(/storage is full/);
    const [kept] = controller.store.getState().history;
    expect(kept).toMatchObject({ code: 'class Mine extends Workflow {}', title: 'Mine' });
    controller.restore(kept!.id);
    expect(workspace.getState().source).toBe('class Mine extends Workflow {}');
    // The example it replaced is now the one kept in the tab.
    expect(controller.store.getState().history.map((d) => d.title)).toEqual(['Example']);
    controller.forget(controller.store.getState().history[0]!.id);
    expect(controller.store.getState().history).toEqual([]);
  });
});
