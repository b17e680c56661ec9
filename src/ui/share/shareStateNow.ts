import type { ShareState } from '../../share/index.ts';
import { parseInput } from '../../state/index.ts';
import type { RunStore, WorkspaceStore } from '../../state/index.ts';

/**
 * What a link to the work on screen holds: the code, its language, the input (when it parses) and
 * the seed, and `chapter` when the tutorial is open on one. Share and an embed's Open in Flowplay
 * both make their links of it.
 */
export function shareStateNow(workspace: WorkspaceStore, run: RunStore, chapter: string | null = null): ShareState {
  const { settings } = run.getState();
  const input = parseInput(settings.inputText);
  const { source, lang } = workspace.getState();
  return {
    code: source,
    ...(input.ok ? { input: input.value } : {}),
    seed: settings.seed,
    ...(chapter ? { chapter } : {}),
    ...(lang === 'python' ? { lang: 'python' as const } : {}),
  };
}
