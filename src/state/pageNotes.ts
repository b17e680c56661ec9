/**
 * Records the page writes itself (its notes at the end of a run, the run ends it had to supply) as
 * opposed to everything that came from the runner. Kept by identity, beside the trace rather than in
 * it: nothing the run sends can carry the mark, so what its code prints can never look like the page
 * speaking.
 */
const written = new WeakSet<object>();

export function pageWritten<T extends object>(record: T): T {
  written.add(record);
  return record;
}

export function isPageWritten(record: object): boolean {
  return written.has(record);
}
