import { useCallback, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Draft } from '../../share/index.ts';
import { useSession } from './session.ts';
import { useDismiss } from './useDismiss.ts';

const ORIGIN: Record<Draft['origin'], string> = {
  typed: 'your edits',
  link: 'opened from a link',
  example: 'example',
  chapter: 'tutorial',
  run: 'from a saved run',
  restored: 'restored',
};

/** Earlier drafts, newest first, each a click away from coming back into the editor. */
export function DraftsMenu() {
  const { drafts } = useSession();
  const history = useStore(drafts.store, (s) => s.history);
  const opened = useStore(drafts.store, (s) => s.opened);
  const problem = useStore(drafts.store, (s) => s.problem);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, open, useCallback(() => setOpen(false), []));

  return (
    <div className="drafts" ref={root}>
      <button
        type="button"
        className={`btn btn-header${problem ? ' has-problem' : ''}`}
        data-testid="drafts-button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Your earlier drafts, kept in this browser"
      >
        Drafts{history.length > 0 ? <span className="count">{history.length}</span> : null}
      </button>
      {open ? (
        <div className="popover drafts-menu" data-testid="drafts-menu" role="dialog" aria-label="Drafts">
          <p className="popover-note">
            {problem ?? 'Your code is saved in this browser as you type. Opening a link, an example or a chapter keeps what was there below.'}
          </p>
          {history.length === 0 ? <p className="muted">No earlier drafts yet.</p> : null}
          <DraftList drafts={history} onRestore={(id) => { drafts.restore(id); setOpen(false); }} onForget={(id) => drafts.forget(id)} />
          {opened.length > 0 ? (
            <>
              <p className="popover-note">Recently opened, never edited (not drafts: they do not push your drafts out):</p>
              <DraftList drafts={opened} testId="opened" onRestore={(id) => { drafts.restore(id); setOpen(false); }} onForget={(id) => drafts.forget(id)} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function DraftList({ drafts: list, testId = 'draft', onRestore, onForget }: { drafts: Draft[]; testId?: string; onRestore(id: string): void; onForget(id: string): void }) {
  return (
    <ul>
      {list.map((draft) => (
        <li key={draft.id} className="draft" data-testid={testId}>
          <div className="draft-text">
            <strong>{draft.title}</strong>
            <span className="muted">{`${ORIGIN[draft.origin]} · ${when(draft.savedAt)}`}</span>
          </div>
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="restore-draft"
            onClick={() => onRestore(draft.id)}
          >
            Restore
          </button>
          <button type="button" className="icon-button" aria-label={`Forget ${draft.title}`} title="Forget this draft" onClick={() => onForget(draft.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function when(savedAt: number): string {
  const minutes = Math.round((Date.now() - savedAt) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  return new Date(savedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
