/** A moment of workflow time (ms) as the clock shows it: `1.25 s`. */
export function formatMoment(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The timeline's window (ms) as `from – to` in seconds, with the decimals its width needs: a window
 * of a millisecond reads `0.0000 s – 0.0010 s`, not `0.00 s – 0.00 s`.
 *
 * @example
 * formatWindow({ from: 0, to: 4000 }) // '0.00 s – 4.00 s'
 */
export function formatWindow(window: { from: number; to: number }): string {
  const width = window.to - window.from;
  const decimals = width > 0 ? Math.min(6, Math.max(2, Math.ceil(-Math.log10(width / 1000)) + 1)) : 2;
  return `${(window.from / 1000).toFixed(decimals)} s – ${(window.to / 1000).toFixed(decimals)} s`;
}

/** A length of workflow time (ms): `350 ms` under a second, `1.25 s` from there. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
