/**
 * The runner's two bundles share one engine: the runner carries the engine package's build (once,
 * however many of its files import the engine), and the bundle that starts Python carries none and
 * takes the runner's from the global the runner hands it. Two copies would mean two Event classes,
 * and a Python event would not be an event to the engine that routes it.
 */
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { ENGINE_GLOBAL } from '../../../src/python/pythonAssets.ts';
import { pythonPlugin } from '../../../src/sandbox/pythonPlugin.ts';
import { sandboxPlugin } from '../../../src/sandbox/sandboxPlugin.ts';

/** A message only the engine's validation holds: one copy of the engine, one copy of it. */
const ENGINE_MARK = 'consumed but never produced';

async function virtualModule(plugin: Plugin, id: string): Promise<string> {
  const load = plugin.load as (id: string) => Promise<string | null>;
  const module = await load.call({}, `\0${id}`);
  const match = /^export default (".*");$/s.exec(module ?? '');
  if (!match) throw new Error(`${id} did not load as a string`);
  return JSON.parse(match[1]!) as string;
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('the runner bundles', { timeout: 120_000 }, () => {
  it('the runner carries the engine once; the Python starter carries none and reads the runner’s', async () => {
    const runner = await virtualModule(sandboxPlugin(), 'virtual:flowplay-runner');
    const starter = await virtualModule(pythonPlugin(), 'virtual:flowplay-python-starter');
    expect(count(runner, ENGINE_MARK)).toBe(1);
    expect(count(starter, ENGINE_MARK)).toBe(0);
    expect(starter).toContain(ENGINE_GLOBAL);
  });
});
