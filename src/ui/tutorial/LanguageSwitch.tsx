import { useStore } from 'zustand';
import type { SourceLang } from '../../state/workspaceStore.ts';
import { DEFAULT_EXAMPLE, exampleIn, exampleShowing } from '../examples.ts';
import { usePlayground } from '../playground.ts';
import { useSession } from '../share/session.ts';

const LANGS: readonly { lang: SourceLang; label: string }[] = [
  { lang: 'typescript', label: 'TypeScript' },
  { lang: 'python', label: 'Python' },
];

/**
 * TypeScript | Python. Switching shows the same example in the other language when the code is an
 * unedited example that has one, else the default example; the code it replaces is kept under Drafts.
 */
export function LanguageSwitch() {
  const { workspace, expectPython } = usePlayground();
  const { drafts, tutorial } = useSession();
  const current = useStore(workspace, (s) => s.lang);

  function switchTo(lang: SourceLang): void {
    tutorial.setLang(lang);
    if (lang === workspace.getState().lang) return;
    const showing = exampleShowing(workspace.getState().source);
    const example = showing && exampleIn(showing, lang) !== undefined ? showing : DEFAULT_EXAMPLE;
    const code = exampleIn(example, lang) ?? example.source;
    drafts.open({ code, origin: 'example', title: example.title, ...(lang === 'python' ? { lang } : {}) });
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
