/** The runner worker bundled into one classic script, as text (see src/sandbox/sandboxPlugin.ts). */
declare module 'virtual:flowplay-runner' {
  const code: string;
  export default code;
}

/** What the language worker would answer for the default example, computed at build time. */
declare module 'virtual:flowplay-initial-analysis' {
  import type { CompileResult } from '../compiler/model.ts';
  import type { GraphLayout } from '../inspect/graphLayout.ts';
  const analyses: readonly { source: string; analysis: CompileResult; layout: GraphLayout | null }[];
  export default analyses;
}

/** The engine package and a downloaded project's runner, as text (see src/project/projectPlugin.ts). */
declare module 'virtual:flowplay-project-bundle' {
  export const engine: Readonly<Record<string, string>>;
  export const runner: string;
}

/** What starts Python inside the runner, as a classic script's text (see src/sandbox/pythonPlugin.ts). */
declare module 'virtual:flowplay-python-starter' {
  const code: string;
  export default code;
}
