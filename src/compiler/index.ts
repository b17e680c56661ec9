/**
 * The Flowplay compiler: TypeScript source of a workflow file in, graph model, diagnostics and
 * runnable JavaScript out. Runs in Node and in a browser worker alike (no Node APIs).
 */
export type * from './model.ts';
export type { CompileOptions, Compiler, CompilerOptions } from './compiler.ts';
export { createCompiler } from './compiler.ts';
export { COMPILER_OPTIONS, STANDARD_LIB } from './languageService.ts';
export { toMermaid } from './mermaid.ts';
export { formatDiagnostic } from './formatDiagnostic.ts';
export { REQUIRED_LIB_FILES } from './libFiles.ts';
export { graphCheckErrors, graphCheckInput } from './graphDiagnostics.ts';
export type { GraphCheckInput } from './graphDiagnostics.ts';
