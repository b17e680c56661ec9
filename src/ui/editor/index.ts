export { CodeEditor } from './CodeEditor.tsx';
export { ProblemsList } from './ProblemsList.tsx';
