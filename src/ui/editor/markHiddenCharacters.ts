import { Compartment, EditorState, type Extension, type Text } from '@codemirror/state';
import { highlightSpecialChars } from '@codemirror/view';

/**
 * The characters drawn as placeholders: every bidirectional control and zero-width character.
 * CodeMirror's default set leaves out some (the first strong isolate U+2068, the pop directional
 * formatting U+202C, the embeddings U+202A/B, the Arabic letter mark and the invisible operators),
 * which is all "Trojan Source" code needs; the compiler also lists each one under Problems.
 */
const HIDDEN = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** The same characters, and the control characters CodeMirror draws by default (line breaks aside), to count them. */
const DRAWN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffc]/g;

/**
 * Placeholders a document may have. Each is an element on its line, and a line may be all of them:
 * a 1 KB link that unpacks to 200,000 zero-width spaces on one line froze the page for over a minute.
 * Past this many the characters are not drawn; the Problems list still names them.
 */
export const MAX_PLACEHOLDERS = 2_000;

const placeholders = highlightSpecialChars({ addSpecialChars: HIDDEN });
/**
 * The editor's setup draws CodeMirror's own set in any case; its configuration is a facet, so this
 * one (a set that matches nothing) stands in for it when there are too many.
 */
const none = highlightSpecialChars({ specialChars: /[^\s\S]/gu });
const drawing = new Compartment();

/** Whether `doc` holds more placeholders than the page draws (counting stops past the limit). */
export function tooManyToDraw(doc: Text | string): boolean {
  let count = 0;
  for (const chunk of typeof doc === 'string' ? [doc] : doc.iter()) {
    DRAWN.lastIndex = 0;
    while (DRAWN.exec(chunk) !== null) if (++count > MAX_PLACEHOLDERS) return true;
  }
  return false;
}

/** The placeholders, for an editor opened on `source`; they go and come back as the document changes. */
export function markHiddenCharacters(source: string): Extension {
  return [
    drawing.of(tooManyToDraw(source) ? none : placeholders),
    EditorState.transactionExtender.of((tr) => {
      if (!tr.docChanged) return null;
      const drawn = drawing.get(tr.startState) === placeholders;
      const many = tooManyToDraw(tr.newDoc);
      return drawn === many ? { effects: drawing.reconfigure(many ? none : placeholders) } : null;
    }),
  ];
}
