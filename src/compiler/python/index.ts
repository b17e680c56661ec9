/**
 * The Python front end of the compiler: Python source in, the same graph model and diagnostics out,
 * without a Python runtime. A separate entry so TypeScript-only bundles do not carry the grammar.
 */
export { PYTHON_SPELLING, analysePython } from './analysePython.ts';
export { SERVED_MODULES, servedModulesSentence } from './servedModules.ts';
export { pythonCompletions } from './pyCompletions.ts';
export type { PyCompletion, PyCompletionList } from './pyCompletions.ts';
