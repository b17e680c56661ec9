/** The run's timeline: rows per step, lanes per worker, drawn on a canvas. */
export { TimelinePanel } from './TimelinePanel.tsx';
export { useTimeline } from './useTimeline.ts';
