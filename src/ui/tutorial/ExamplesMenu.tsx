import { useStore } from 'zustand';
import { showNotice } from '../../state/noticeStore.ts';
import { EXAMPLES, exampleById } from '../examples.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';

const TUTORIAL = EXAMPLES.filter((x) => x.chapter !== undefined);
const LARGER = EXAMPLES.filter((x) => x.chapter === undefined);

/** The examples menu. Picking one keeps the code it replaces among the drafts. */
export function ExamplesMenu() {
  const { workspace } = usePlayground();
  const { drafts, notices } = useSession();
  const source = useStore(workspace, (s) => s.source);
  // Once the code is edited it is the user's, whichever example it started from.
  const shown = EXAMPLES.find((x) => x.source === source)?.id ?? 'custom';

  return (
    <label className="example-picker">
      <span>Example</span>
      <select
        data-testid="example-select"
        value={shown}
        onChange={(e) => {
          const next = exampleById(e.target.value);
          if (!next) return;
          const ownCode = !EXAMPLES.some((x) => x.source === workspace.getState().source);
          const setAside = drafts.open({ code: next.source, origin: 'example', title: next.title });
          const kept = drafts.store.getState().history[0];
          // Offer the code back only when storage really kept it (and it was the user's own).
          if (ownCode && setAside && kept) {
            showNotice(notices, { topic: 'link', tone: 'info', message: `Opened "${next.title}". Your code is kept under Drafts.`, restoreDraft: kept.id });
          }
        }}
      >
        {shown === 'custom' ? <option value="custom">Your code</option> : null}
        <optgroup label="Tutorial">
          {TUTORIAL.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Larger workflows">
          {LARGER.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
