import { useStore } from 'zustand';
import { showNotice } from '../../state/noticeStore.ts';
import { EXAMPLES, exampleById, exampleIn, exampleShowing } from '../examples.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';

/** The examples menu, in the editor's language. Picking one keeps the code it replaces among the drafts. */
export function ExamplesMenu() {
  const { workspace } = usePlayground();
  const { drafts, notices } = useSession();
  const source = useStore(workspace, (s) => s.source);
  const lang = useStore(workspace, (s) => s.lang);
  const offered = EXAMPLES.filter((x) => exampleIn(x, lang) !== undefined);
  const tutorial = offered.filter((x) => x.chapter !== undefined);
  const larger = offered.filter((x) => x.chapter === undefined);
  // Once the code is edited it is the user's, whichever example it started from.
  const shown = offered.find((x) => exampleIn(x, lang) === source)?.id ?? 'custom';

  return (
    <label className="example-picker">
      <span>Example</span>
      <select
        data-testid="example-select"
        value={shown}
        onChange={(e) => {
          const next = exampleById(e.target.value);
          const code = next && exampleIn(next, lang);
          if (!next || code === undefined) return;
          const ownCode = exampleShowing(workspace.getState().source) === undefined;
          const setAside = drafts.open({ code, origin: 'example', title: next.title, ...(lang === 'python' ? { lang } : {}) });
          const kept = drafts.store.getState().history[0];
          // Offer the code back only when storage really kept it (and it was the user's own).
          if (ownCode && setAside && kept) {
            showNotice(notices, { topic: 'link', tone: 'info', message: `Opened "${next.title}". Your code is kept under Drafts.`, restoreDraft: kept.id });
          }
        }}
      >
        {shown === 'custom' ? <option value="custom">Your code</option> : null}
        <optgroup label="Tutorial">
          {tutorial.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </optgroup>
        {larger.length > 0 ? (
          <optgroup label="Larger workflows">
            {larger.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}
