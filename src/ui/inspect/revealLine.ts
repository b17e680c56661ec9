import { revealInEditor } from '../../state/index.ts';
import type { UiStore, WorkspaceStore } from '../../state/index.ts';

/** Puts the editor's cursor on line `line` (1-based) of the current source, selecting the line. */
export function revealLine(workspace: WorkspaceStore, ui: UiStore, line: number): void {
  const source = workspace.getState().source;
  let offset = 0;
  for (let n = 1; n < line && offset >= 0; n++) offset = source.indexOf('\n', offset) + 1;
  const end = source.indexOf('\n', offset);
  revealInEditor(ui, offset, end < 0 ? source.length : end);
}
