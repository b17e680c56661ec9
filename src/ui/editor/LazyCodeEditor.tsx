import { Suspense, lazy } from 'react';
import { useStore } from 'zustand';
import { usePlayground } from '../playground.ts';

// CodeMirror is about 160 KB gzip, as much as the rest of the page's script: it is fetched once the
// page has drawn (the first idle moment, or what `holdEditorUntil` says), so the graph and the Run
// button do not wait for it.
let gate: () => Promise<void> = firstIdle;
const Editor = lazy(() =>
  gate()
    .then(() => import('./CodeEditor.tsx'))
    .then((module) => ({ default: module.CodeEditor })),
);

/** Holds the editor's download until `ready` resolves (and the first idle moment after it); call before the first render. */
export function holdEditorUntil(ready: () => Promise<void>): void {
  gate = () => ready().then(firstIdle);
}

function firstIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 500 });
    else setTimeout(resolve, 100);
  });
}

/** The code editor, loaded after the page: until then the code shows as text, with a progress note. */
export function LazyCodeEditor({ readOnly = false }: { readOnly?: boolean }) {
  return (
    <Suspense fallback={<EditorLoading />}>
      <Editor readOnly={readOnly} />
    </Suspense>
  );
}

function EditorLoading() {
  const { workspace } = usePlayground();
  const source = useStore(workspace, (s) => s.source);
  return (
    <div className="editor editor-loading" data-testid="editor" aria-busy="true">
      <p className="editor-progress" role="status">
        Loading the editor…
      </p>
      <pre className="editor-preview">{source}</pre>
    </div>
  );
}
