import { checkJson } from '../inspect/checkShape.ts';
import { DEFAULT_RUN_FILE_LIMITS } from '../inspect/runFile.ts';

/**
 * Levels an input may nest, a run file's: an input from a link or the box thousands of levels deep
 * kept the runner busy copying it until the watchdog replaced it, blaming a loop.
 */
export const MAX_INPUT_DEPTH = DEFAULT_RUN_FILE_LIMITS.maxDepth;

/** The run input as typed in the input editor: a JSON object of the start event's fields. */
export type ParsedInput = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function parseInput(text: string): ParsedInput {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `Input is not valid JSON: ${detail}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, message: 'Input must be a JSON object of start event fields, e.g. {"message": "hi"}' };
  }
  try {
    checkJson(value, 'Input', MAX_INPUT_DEPTH);
  } catch (error) {
    return { ok: false, message: `${(error as Error).message}.` };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
