/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import type { RunRequest, RunnerApi, TraceSink } from './protocol.ts';
import { UserRun } from './userRun.ts';

/**
 * The runner: evaluates user code with the engine and streams the trace back. It serves its API on a
 * MessagePort handed over in a `flowplay:connect` message rather than on the worker's global port, so
 * the same code can run inside a sandboxed frame later.
 */
let current: UserRun | null = null;

const api: RunnerApi = {
  async run(request: RunRequest, sink: TraceSink) {
    current?.cancel();
    const run = new UserRun(sink);
    current = run;
    try {
      return await run.execute(request);
    } finally {
      if (current === run) current = null;
    }
  },
  async cancel() {
    current?.cancel();
  },
  async control(command) {
    current?.control(command);
  },
};

self.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { type?: string; port?: MessagePort } | null;
  if (data?.type === 'flowplay:connect' && data.port) Comlink.expose(api, data.port);
});
