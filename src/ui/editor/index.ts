export { LazyCodeEditor as CodeEditor, holdEditorUntil } from './LazyCodeEditor.tsx';
export { ProblemsList } from './ProblemsList.tsx';
