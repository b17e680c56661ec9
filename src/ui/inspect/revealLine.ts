import { revealInEditor } from '../../state/index.ts';
import type { UiStore, WorkspaceStore } from '../../state/index.ts';

/**
 * Puts the editor's cursor on line `line` (1-based) of the current source, selecting the line. The
 * number comes from an error's stack, which the run's code controls: a line past the end means the
 * last line, and the walk stops at the end of the text whatever the number says.
 */
export function revealLine(workspace: WorkspaceStore, ui: UiStore, line: number): void {
  const source = workspace.getState().source;
  const range = lineRange(source, line);
  revealInEditor(ui, range.start, range.end);
}

/** Offsets of line `line` in `source`, clamped to its first and last lines. */
export function lineRange(source: string, line: number): { start: number; end: number } {
  const wanted = Number.isFinite(line) ? Math.max(1, Math.floor(line)) : 1;
  let start = 0;
  for (let n = 1; n < wanted; n++) {
    const next = source.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return { start, end: end < 0 ? source.length : end };
}
