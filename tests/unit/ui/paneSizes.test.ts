import { describe, expect, it } from 'vitest';
import { INITIAL_PANES, PANE_STORAGE_KEY, createPaneStore, parsePaneSizes } from '../../../src/ui/layout/paneSizes.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
}

describe('pane sizes', () => {
  it('reads what storage kept, clamps each size to its limits and ignores anything else', () => {
    expect(parsePaneSizes(null)).toEqual(INITIAL_PANES);
    expect(parsePaneSizes('not json')).toEqual(INITIAL_PANES);
    expect(parsePaneSizes('[1,2]')).toEqual(INITIAL_PANES);
    expect(parsePaneSizes(JSON.stringify({ code: 50, tutorial: 99, dock: -4, result: '40', extra: 1 }))).toEqual({ ...INITIAL_PANES, code: 50, tutorial: 80, dock: 120 });
    expect(parsePaneSizes('{"code":1e999}').code).toBe(INITIAL_PANES.code);
  });

  it('remembers a resize for the next visit, clamped; a reset puts the default back', () => {
    const storage = memoryStorage();
    const panes = createPaneStore(storage);
    panes.resize('dock', 400);
    panes.resize('code', 90);
    expect(JSON.parse(storage.data.get(PANE_STORAGE_KEY)!)).toEqual({ ...INITIAL_PANES, dock: 400, code: 64 });
    expect(createPaneStore(storage).getState()).toEqual({ ...INITIAL_PANES, dock: 400, code: 64 });
    panes.reset('dock');
    expect(panes.getState().dock).toBe(INITIAL_PANES.dock);
  });

  it('a storage that throws leaves the sizes working for the visit', () => {
    const broken = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('full'); }, removeItem: () => undefined };
    const panes = createPaneStore(broken);
    panes.resize('tutorial', 30);
    expect(panes.getState().tutorial).toBe(30);
  });
});
