/** The code's language travels with it: links, examples, drafts and what can run. */
import { beforeEach, describe, expect, test } from 'vitest';
import type { CompileResult } from '../compiler/model.ts';
import { chapterLink, createDraftStore, encodeShare, parseLocation } from '../share/index.ts';
import type { Draft } from '../share/index.ts';
import { MemoryStorage } from '../../tests/unit/share/memoryStorage.ts';
import { createDraftController } from './draftController.ts';
import { planOpening } from './openingPlan.ts';
import { createRunStore } from './runStore.ts';
import { createWorkspaceStore, isRunnable, setSource } from './workspaceStore.ts';

const catalogue = {
  example: (id: string, lang?: 'typescript' | 'python') =>
    id === 'parallel' ? (lang === 'python' ? { title: 'Parallel', source: 'py source', lang } : { title: 'Parallel', source: 'ts source' }) : undefined,
  // `fan-out` has a Python version, `resources` has none.
  chapter: (id: string, lang?: 'typescript' | 'python') =>
    id === 'fan-out' ? (lang === 'python' ? { title: 'Fan-out', example: 'py fan-out', lang } : { title: 'Fan-out', example: 'ts fan-out' }) : id === 'resources' ? { title: 'Resources', example: 'ts resources' } : undefined,
  fallback: { title: 'Parallel', source: 'ts source' },
};

describe('the language of the code', () => {
  test('a Python share link opens as Python; a link without lang stays TypeScript', () => {
    const python = planOpening(parseLocation({ hash: encodeShare({ code: 'print(1)', lang: 'python' }) }), null, catalogue);
    expect(python).toMatchObject({ source: 'print(1)', lang: 'python', open: { lang: 'python' } });
    const typescript = planOpening(parseLocation({ hash: encodeShare({ code: 'x' }) }), null, catalogue);
    expect(typescript.lang).toBe('typescript');
    expect(typescript.open).not.toHaveProperty('lang');
  });

  test('?example=<id>&lang=python opens the example\'s Python version', () => {
    expect(planOpening(parseLocation({ search: '?example=parallel&lang=python' }), null, catalogue)).toMatchObject({ source: 'py source', lang: 'python' });
    expect(planOpening(parseLocation({ search: '?example=parallel' }), null, catalogue)).toMatchObject({ source: 'ts source', lang: 'typescript' });
  });

  test('?lang=python#chapter/<id> opens the chapter in Python when it has Python, else in TypeScript; without lang, TypeScript', () => {
    expect(parseLocation({ search: '?lang=python', hash: '#chapter/fan-out' })).toEqual({ kind: 'chapter', id: 'fan-out', lang: 'python' });
    expect(planOpening(parseLocation({ search: '?lang=python', hash: '#chapter/fan-out' }), null, catalogue)).toMatchObject({ source: 'py fan-out', lang: 'python', open: { lang: 'python', chapter: 'fan-out' } });
    const fallback = planOpening(parseLocation({ search: '?lang=python', hash: '#chapter/resources' }), null, catalogue);
    expect(fallback).toMatchObject({ source: 'ts resources', lang: 'typescript' });
    expect(fallback.open).not.toHaveProperty('lang');
    expect(planOpening(parseLocation({ hash: '#chapter/fan-out' }), null, catalogue)).toMatchObject({ source: 'ts fan-out', lang: 'typescript' });
    expect(parseLocation({ search: '?lang=cobol', hash: '#chapter/fan-out' })).toEqual({ kind: 'chapter', id: 'fan-out' });
  });

  test('a chapter link carries the reader\'s language', () => {
    expect(chapterLink('/app/', 'fan-out', 'python')).toBe('/app/?lang=python#chapter/fan-out');
    expect(chapterLink('/app/', 'fan-out', 'typescript')).toBe('/app/#chapter/fan-out');
  });

  test('a saved Python draft comes back as Python; a stored lang other than "python" is TypeScript', () => {
    const draft: Draft = { id: 'd', code: 'class F(Workflow): ...', title: 'F', savedAt: 1, origin: 'typed', lang: 'python' };
    expect(planOpening({ kind: 'none' }, draft, catalogue).lang).toBe('python');
    expect(planOpening({ kind: 'none' }, { ...draft, lang: 'cobol' as 'python' }, catalogue).lang).toBe('typescript');
  });

  describe('drafts', () => {
    let storage: MemoryStorage;
    beforeEach(() => (storage = new MemoryStorage()));

    function setup() {
      const workspace = createWorkspaceStore('ts code');
      const pending: (() => void)[] = [];
      const drafts = createDraftStore(storage);
      const controller = createDraftController({ workspace, run: createRunStore(), drafts, setTimer: (cb) => pending.push(cb), clearTimer: () => {} });
      controller.load();
      controller.rendered();
      return { workspace, drafts, controller, fire: () => pending.splice(0).forEach((cb) => cb()) };
    }

    test('edited Python is saved with its language, and opening TypeScript over it brings it back as Python', () => {
      const { workspace, drafts, controller, fire } = setup();
      controller.open({ code: 'py example', origin: 'example', title: 'Parallel', lang: 'python' });
      expect(workspace.getState().lang).toBe('python');
      setSource(workspace, 'py example, edited');
      fire();
      expect(drafts.load().current).toMatchObject({ code: 'py example, edited', lang: 'python' });
      controller.open({ code: 'ts example', origin: 'example', title: 'Parallel' });
      expect(workspace.getState()).toMatchObject({ source: 'ts example', lang: 'typescript' });
      const kept = controller.store.getState().history[0]!;
      controller.restore(kept.id);
      expect(workspace.getState()).toMatchObject({ source: 'py example, edited', lang: 'python' });
    });
  });

  test('Python runs when it parses; TypeScript when it compiled', () => {
    const analysis = (diagnostics: CompileResult['diagnostics'], js: string | null) => ({ diagnostics, js }) as CompileResult;
    const syntax = { severity: 'error', code: 'syntax', message: 'x', source: 'flowplay', range: { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } } as const;
    const invalid = { ...syntax, code: 'missing-step' };
    expect(isRunnable(analysis([], null), 'python')).toBe(true);
    expect(isRunnable(analysis([invalid], null), 'python')).toBe(true);
    expect(isRunnable(analysis([syntax], null), 'python')).toBe(false);
    expect(isRunnable(analysis([], null), 'typescript')).toBe(false);
    expect(isRunnable(analysis([], 'js'), 'typescript')).toBe(true);
  });
});
