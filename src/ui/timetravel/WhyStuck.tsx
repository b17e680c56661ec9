import { useMemo } from 'react';
import { useStore } from 'zustand';
import { whyStuck } from '../../inspect/whyStuck.ts';
import { usePlayground } from '../playground.ts';

/**
 * "Why is it stuck?" at the moment on screen (the live end while a run waits): every collect that
 * waits and for what, every waitForEvent, every queue held by numWorkers, a question without an
 * answer, and what could still end each wait, or that nothing can before the timeout.
 */
export function WhyStuck() {
  const { run, view } = usePlayground();
  const length = useStore(run, (s) => s.length);
  const trace = useStore(run, (s) => s.trace);
  const moment = useStore(view, (s) => s.view.cursor);
  const waits = useMemo(() => whyStuck(trace, moment), [trace, length, moment]);
  return (
    <section className="why-stuck" data-testid="why-stuck" aria-label="Why is it stuck?">
      <strong>What the run waits on after record {moment}</strong>
      {waits.length === 0 ? (
        <p data-testid="why-stuck-none">Nothing: no collect, waitForEvent, full queue or question is waiting here.</p>
      ) : (
        <ul>
          {waits.map((w, i) => (
            <li key={i} data-testid="why-stuck-item" data-kind={w.kind} data-stuck={w.stuck}>
              <span className="why-stuck-what">{w.what}</span>
              <span className={w.stuck ? 'why-stuck-verdict is-stuck' : 'why-stuck-verdict'}>{w.stuck ? ` Nothing can: ${w.verdict.replace(/^nothing can(, and)?:? ?/, '')}.` : ` What can end it: ${w.verdict}.`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
