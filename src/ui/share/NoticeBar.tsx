import { useStore } from 'zustand';
import { dismissNotice } from '../../state/noticeStore.ts';
import { useSession } from './session.ts';

/**
 * Messages about the page under the header: a link that could not be opened, what opening one did
 * to the draft, and storage that refuses to keep the user's work (shown for as long as it refuses).
 */
export function NoticeBar() {
  const { notices, drafts, tutorial, applyUpdate } = useSession();
  const list = useStore(notices, (s) => s.notices);
  const storage = useStore(drafts.store, (s) => s.problem);
  const progress = useStore(tutorial.store, (s) => s.problem);
  const problems = [...new Set([storage, progress].filter((p): p is string => p !== null))];
  if (list.length === 0 && problems.length === 0) return null;
  return (
    <div className="notices">
      {problems.length > 0 ? (
        <div className="notice tone-error" data-testid="storage-problem" role="alert">
          <span>{problems.join(' ')} Your work stays in this tab; use Share or Copy as Markdown to keep a copy.</span>
        </div>
      ) : null}
      {list.map((notice) => (
        <div key={notice.topic} className={`notice tone-${notice.tone}`} data-testid={`notice-${notice.topic}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.message}</span>
          {notice.restoreDraft ? (
            <button
              type="button"
              className="btn btn-small"
              data-testid="notice-restore"
              onClick={() => {
                drafts.restore(notice.restoreDraft!);
                dismissNotice(notices, notice.topic);
              }}
            >
              Bring my draft back
            </button>
          ) : null}
          {notice.offersUpdate && applyUpdate ? (
            <button type="button" className="btn btn-small" data-testid="notice-reload" onClick={applyUpdate}>
              Reload now
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => dismissNotice(notices, notice.topic)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
