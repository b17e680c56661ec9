import type { SavedContext } from '../engine/savedContext.ts';
import { ShapeError } from '../inspect/checkShape.ts';
import { DEFAULT_RUN_FILE_LIMITS } from '../inspect/runFile.ts';
import { MAX_CONTEXT_CHARS, checkSavedContext } from '../inspect/savedRunContext.ts';

/**
 * What the runner answered for `savedContext()`, read as untrusted: the runner evaluates user code,
 * which can hand back anything. Checked as a loaded file's context is, so a saved file always reloads.
 */
export function readSavedContextText(text: unknown): { ok: true; context: SavedContext | null } | { ok: false; error: string } {
  if (text === null) return { ok: true, context: null };
  if (typeof text !== 'string') return { ok: false, error: 'The runner did not give the run\'s context as text' };
  if (text.length > MAX_CONTEXT_CHARS) {
    return { ok: false, error: `The run's context takes ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_CONTEXT_CHARS.toLocaleString('en-US')} a saved run may carry` };
  }
  try {
    return { ok: true, context: checkSavedContext(JSON.parse(text), DEFAULT_RUN_FILE_LIMITS.maxDepth) };
  } catch (error) {
    if (error instanceof ShapeError || error instanceof SyntaxError) return { ok: false, error: `The run's context is not valid: ${error.message}` };
    throw error;
  }
}
