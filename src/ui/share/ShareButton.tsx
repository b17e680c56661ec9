import { useCallback, useEffect, useRef, useState } from 'react';
import { SHARE_PAYLOAD_WARN_BYTES, guessTitle, shareLink, shareMarkdown } from '../../share/index.ts';
import type { ShareState } from '../../share/index.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from './session.ts';
import { copyText, formatSize } from './copyText.ts';
import { useDismiss } from './useDismiss.ts';
import { shareStateNow } from './shareStateNow.ts';
import { embedSnippet } from '../../embed/embedSnippet.ts';

interface Shared {
  url: string;
  payloadBytes: number;
  tooLong: boolean;
  copied: 'link' | 'markdown' | 'embed' | 'refused';
  /** The embed snippet, once asked for. */
  embed?: string;
}

/** Share: copies a link that restores code, input, seed and chapter; Copy as Markdown beside it. */
export function ShareButton() {
  const { workspace, run } = usePlayground();
  const { tutorial } = useSession();
  const [shared, setShared] = useState<Shared | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, shared !== null, useCallback(() => setShared(null), []));

  useEffect(() => {
    if (shared?.copied === 'refused') field.current?.select();
  }, [shared]);

  const currentState = (): ShareState => {
    const { open, chapter } = tutorial.store.getState();
    return shareStateNow(workspace, run, open ? chapter : null);
  };

  const share = async () => {
    const { hash, payloadBytes, tooLong } = shareLink(currentState());
    const url = `${window.location.origin}${window.location.pathname}${hash}`;
    const copied = await copyText(url);
    setShared({ url, payloadBytes, tooLong, copied: copied ? 'link' : 'refused' });
  };

  const copyMarkdown = async () => {
    if (!shared) return;
    const { source: code, lang } = workspace.getState();
    const ok = await copyText(shareMarkdown({ code, url: shared.url, title: guessTitle(code), lang }));
    setShared({ ...shared, copied: ok ? 'markdown' : 'refused' });
  };

  const copyEmbed = async () => {
    if (!shared) return;
    const embed = embedSnippet(shared.url, shareLink(currentState()).hash);
    const ok = await copyText(embed);
    setShared({ ...shared, embed, copied: ok ? 'embed' : 'refused' });
  };

  return (
    <div className="share" ref={root}>
      <button type="button" className="btn btn-header" data-testid="share-button" onClick={() => void share()} title="Copy a link to this code, its input and seed">
        Share
      </button>
      {shared ? (
        <div className="popover share-panel" data-testid="share-panel" role="dialog" aria-label="Share">
          <p className="share-status" data-testid="share-status" role="status">
            {shared.copied === 'link'
              ? 'Link copied to the clipboard.'
              : shared.copied === 'markdown'
                ? 'Markdown copied: the code in a block and the link under it.'
                : shared.copied === 'embed'
                  ? 'Embed code copied: paste it into any page to show this workflow there.'
                  : 'The browser did not let Flowplay copy. Select the text below and copy it.'}
          </p>
          {shared.tooLong ? (
            <p className="share-warning" data-testid="share-warning" role="alert">
              {`This link is long: ${formatSize(shared.payloadBytes)} of data, past the ${formatSize(SHARE_PAYLOAD_WARN_BYTES)} that some chats, mail clients and browsers cut off. Copy as Markdown keeps the code readable even if the link breaks.`}
            </p>
          ) : null}
          <input ref={field} className="share-url" data-testid="share-url" readOnly value={shared.url} onFocus={(e) => e.currentTarget.select()} aria-label="Share link" />
          {shared.embed ? (
            <textarea className="share-url share-embed" data-testid="embed-code" readOnly rows={3} value={shared.embed} onFocus={(e) => e.currentTarget.select()} aria-label="Embed code" />
          ) : null}
          <div className="popover-actions">
            <button type="button" className="btn btn-small" data-testid="copy-markdown" onClick={() => void copyMarkdown()}>
              Copy as Markdown
            </button>
            <button type="button" className="btn btn-small" data-testid="copy-embed" onClick={() => void copyEmbed()} title="An HTML snippet that shows this workflow, runnable, in another page">
              Copy embed code
            </button>
            <button type="button" className="btn btn-small" onClick={() => setShared(null)}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
