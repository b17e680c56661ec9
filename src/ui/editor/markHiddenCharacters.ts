import { highlightSpecialChars } from '@codemirror/view';

/**
 * Draws every bidirectional control and zero-width character as a visible placeholder. CodeMirror's
 * default set leaves out some (the first strong isolate U+2068, the pop directional formatting
 * U+202C, the embeddings U+202A/B, the Arabic letter mark and the invisible operators), which is all
 * "Trojan Source" code needs; the compiler also lists each one under Problems.
 */
export const markHiddenCharacters = highlightSpecialChars({
  addSpecialChars: /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/,
});
