import { Suspense, lazy } from 'react';
import { useStore } from 'zustand';
import { usePlayground } from '../playground.ts';

// CodeMirror is about a third of the page's script: the graph and the Run button come first.
const Editor = lazy(() => import('./CodeEditor.tsx').then((module) => ({ default: module.CodeEditor })));

/** The code editor, loaded after the page: until then the code shows as text, with a progress note. */
export function LazyCodeEditor() {
  return (
    <Suspense fallback={<EditorLoading />}>
      <Editor />
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
