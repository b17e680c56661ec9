import type { TimelineView } from './timelineAt.ts';
import { RUN_ROW } from './timelineModel.ts';
import { formatDuration, formatMoment } from './timeText.ts';

/** One line of the timeline read as text: an invocation's attempt, or something that happened. */
export interface TimelineEntry {
  /** Workflow ms, for ordering; `start` is its text. */
  at: number;
  /** Record index, to keep the trace's order among entries of one instant. */
  index: number;
  start: string;
  end: string;
  duration: string;
  step: string;
  what: string;
}

export const TIMELINE_COLUMNS = ['Start', 'End', 'Duration', 'Step', 'What'] as const;

/**
 * The timeline at its cursor as rows of text, in time order: each attempt of each invocation (when
 * it ran, on which worker, how it ended and how long it waited first) and each marker (events sent,
 * failures, collect progress, the run's end). What a screen reader reads and what "copy" copies.
 */
export function timelineEntries(view: TimelineView): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const row of view.rows) {
    const step = row.id === RUN_ROW ? 'run' : row.id;
    for (const bar of row.bars) {
      const running = bar.start !== null;
      const end = running ? (bar.end ?? view.cursor.time) : null;
      const waited = (bar.start ?? end ?? view.cursor.time) - bar.waitFrom;
      const state = bar.live ? (running ? 'running' : bar.wait === 'queue' ? 'queued for a worker' : 'waiting to retry') : (bar.outcome ?? 'done');
      const parts = [
        `#${bar.invocation}`,
        bar.attempt > 1 ? `attempt ${bar.attempt}` : null,
        bar.worker !== null ? `worker ${bar.worker}` : null,
        state,
        running && waited > 0 ? `waited ${formatDuration(waited)}` : null,
        bar.error ? `${bar.error.name}: ${bar.error.message}` : null,
      ];
      entries.push({
        at: bar.start ?? bar.waitFrom,
        index: bar.startedAt >= 0 ? bar.startedAt : bar.openedAt,
        start: formatMoment(bar.start ?? bar.waitFrom),
        end: end === null || bar.live ? '' : formatMoment(end),
        duration: running && end !== null ? formatDuration(end - bar.start!) : '',
        step,
        what: parts.filter(Boolean).join(' · '),
      });
    }
    for (const marker of row.markers) {
      entries.push({ at: marker.time, index: marker.index, start: formatMoment(marker.time), end: '', duration: '', step, what: marker.label });
    }
  }
  return entries.sort((a, b) => a.at - b.at || a.index - b.index);
}

/** The entries as tab-separated text with a header line, for the clipboard and spreadsheets. */
export function timelineText(entries: readonly TimelineEntry[]): string {
  const line = (cells: readonly string[]) => cells.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t');
  return [line(TIMELINE_COLUMNS), ...entries.map((e) => line([e.start, e.end, e.duration, e.step, e.what]))].join('\n') + '\n';
}
