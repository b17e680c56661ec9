export { LazyCodeEditor as CodeEditor } from './LazyCodeEditor.tsx';
export { ProblemsList } from './ProblemsList.tsx';
