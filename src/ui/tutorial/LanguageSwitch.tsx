import { useStore } from 'zustand';
import type { SourceLang } from '../../state/workspaceStore.ts';
import { DEFAULT_EXAMPLE, exampleIn, exampleShowing } from '../examples.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';
import { showNotice } from '../../state/noticeStore.ts';

const LANGS: readonly { lang: SourceLang; label: string }[] = [
  { lang: 'typescript', label: 'TypeScript' },
  { lang: 'python', label: 'Python' },
];

/**
 * TypeScript | Python. Switching shows the same example in the other language when the code is an
 * unedited example that has one, else the default example; the code it replaces is kept under Drafts.
 * Anything but the same example in the other language is said in a notice: which example opened
 * instead, and the way back to the user's own code.
 */
export function LanguageSwitch() {
  const { workspace, expectPython } = usePlayground();
  const { drafts, tutorial, notices } = useSession();
  const current = useStore(workspace, (s) => s.lang);

  function switchTo(lang: SourceLang): void {
    tutorial.setLang(lang);
    if (lang === workspace.getState().lang) return;
    const showing = exampleShowing(workspace.getState().source);
    const example = showing && exampleIn(showing, lang) !== undefined ? showing : DEFAULT_EXAMPLE;
    const code = exampleIn(example, lang) ?? example.source;
    const setAside = drafts.open({ code, origin: 'example', title: example.title, ...(lang === 'python' ? { lang } : {}) });
    const kept = showing === undefined && setAside ? drafts.store.getState().history[0] : undefined;
    const name = LANGS.find((l) => l.lang === lang)!.label;
    const opened = showing && example !== showing ? `"${showing.title}" has no ${name} version: this is "${example.title}".` : showing ? null : `Opened "${example.title}" in ${name}.`;
    if (opened) showNotice(notices, { topic: 'link', tone: 'info', message: kept ? `${opened} Your code is kept under Drafts.` : opened, ...(kept ? { restoreDraft: kept.id } : {}) });
  }

  return (
    <div className="lang-switch" role="group" aria-label="Language" data-testid="lang-switch" data-lang={current}>
      {LANGS.map(({ lang, label }) => (
        <button key={lang} type="button" data-testid={`lang-${lang}`} aria-pressed={current === lang} className={current === lang ? 'is-active' : undefined} onClick={() => switchTo(lang)}
          // Python takes a second or more to start in a runner: begin when the pointer or focus arrives.
          {...(lang === 'python' ? { onPointerEnter: expectPython, onFocus: expectPython } : {})}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
