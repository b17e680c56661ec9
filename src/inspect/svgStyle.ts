import type { EventRole } from '../compiler/model.ts';

/** Fonts every platform has: the export must not depend on a web font or any external file. */
export const MONO_STACK = "ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";
export const SANS_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** The playground's colours (src/ui/styles.css), so the export looks like the screen. */
export const STATE_COLOR = {
  idle: '#cbd5e1',
  queued: '#d97706',
  running: '#2563eb',
  done: '#16a34a',
  failed: '#dc2626',
  cancelled: '#64748b',
} as const;

/**
 * The nodes the drawing adds, in the library's drawing colours: `externalStyle` for the person who
 * answers a question, `childConnectorStyle` for the connectors of a child workflow.
 */
export const EXTERNAL_STYLE = { fill: '#BEDAE4', stroke: '#0e7490', text: '#0f3b47' } as const;
export const CHILD_STYLE = { fill: '#E0E0E0', stroke: '#a3a3a3', text: '#555555' } as const;

const START = '#16a34a';
const STOP = '#dc2626';
const PALETTE = ['#2563eb', '#9333ea', '#d97706', '#0891b2', '#db2777', '#4f46e5', '#0d9488', '#c2410c', '#7c3aed', '#0369a1'];

/**
 * The graph view's event colours (the same rule as src/ui/graph/eventColors.ts, which this layer may
 * not import). The UI should pass its own `eventColor` to `graphToSvg` so the two cannot drift.
 */
export function defaultEventColor(type: string, role?: EventRole): string {
  if (role === 'start' || type === 'StartEvent') return START;
  if (role === 'stop' || type === 'StopEvent') return STOP;
  let hash = 0;
  for (let i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}

/** `color-mix(in srgb, color amount, other)` for `#rrggbb` colours, which SVG renderers lack. */
export function mix(color: string, amount: number, other: string): string {
  const a = rgb(color);
  const b = rgb(other);
  if (!a || !b) return color;
  const channel = (i: number) => Math.round(a[i]! * amount + b[i]! * (1 - amount)).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function rgb(color: string): number[] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Text and attribute values, escaped for XML. */
export function xml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Cuts text to `max` characters with an ellipsis (no text measuring without a DOM). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Rounds coordinates so the file stays short and diffable. */
export function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}
