/**
 * Node hosts (tests, CLI) give the engine AsyncLocalStorage, so `sleep`, `random` and console output
 * after an `await` inside a step still find their run and step when several runs interleave.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setAsyncScope, type Frame } from '../engine/index.ts';

export function installNodeScope(): void {
  setAsyncScope(new AsyncLocalStorage<Frame>());
}
