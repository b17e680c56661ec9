/**
 * The words a step box shows about its invocations, made once for the graph on the page and for the
 * exported SVG, so the two read the same.
 */

/** What the box needs of a step's view (the page's `StepView` fits as it is). */
export interface StepCounts {
  done: number;
  cancelled: number;
  failed: number;
}

/** Made once: `toLocaleString` builds a formatter at each call, which step boxes redrawn every frame of a run felt. */
const COUNT = new Intl.NumberFormat('en-US');

/** `✓3 done ⊘1 cancelled`: the outcomes so far, or '' before the first one. */
export function outcomesText(step: StepCounts | undefined): string {
  if (!step) return '';
  const parts: string[] = [];
  if (step.done > 0) parts.push(`✓${step.done} done`);
  if (step.cancelled > 0) parts.push(`⊘${step.cancelled} cancelled`);
  if (step.failed > 0) parts.push(`✕${step.failed} failed`);
  return parts.join(' ');
}

/**
 * The queue's badge: `4,992 queued`, `123k queued` from 100,000 on (the box is 150 px wide; the
 * exact count is in the badge's title), or '' when nothing waits.
 */
export function queuedText(queued: number): string {
  if (!(queued > 0)) return '';
  const count = queued < 100_000 ? COUNT.format(queued) : `${COUNT.format(Math.floor(queued / 1000))}k`;
  return `${count} queued`;
}

/** The badge's title: the exact count and what it means. */
export function queuedTitle(queued: number): string {
  return `${COUNT.format(queued)} ${queued === 1 ? 'invocation waits' : 'invocations wait'} for a free worker`;
}
