/** A moment of workflow time (ms) as the clock shows it: `1.25 s`. */
export function formatMoment(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A length of workflow time (ms): `350 ms` under a second, `1.25 s` from there. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
