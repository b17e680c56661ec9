import ts from 'typescript';
import type { Compiler } from '../compiler/index.ts';
import type { CompletionList, HoverInfo } from './protocol.ts';

/**
 * The editor's completions and hovers, answered by the compiler's own language service on the same
 * file, so the editor and the compiler share one copy of TypeScript and one parsed library.
 */
export class EditorService {
  private readonly compiler: Compiler;

  constructor(compiler: Compiler) {
    this.compiler = compiler;
  }

  completions(source: string, position: number): CompletionList | null {
    this.sync(source);
    const info = this.compiler.languageService.getCompletionsAtPosition(this.compiler.fileName, position, {
      includeCompletionsWithInsertText: true,
    });
    if (!info) return null;
    return {
      from: info.optionalReplacementSpan?.start ?? wordStart(source, position),
      // A member list of a big lib type can run to thousands; the editor filters as the user types.
      items: info.entries.slice(0, 500).map((entry) => ({ label: entry.name, kind: entry.kind, sortText: entry.sortText })),
    };
  }

  hover(source: string, position: number): HoverInfo | null {
    this.sync(source);
    const info = this.compiler.languageService.getQuickInfoAtPosition(this.compiler.fileName, position);
    if (!info) return null;
    return {
      from: info.textSpan.start,
      to: info.textSpan.start + info.textSpan.length,
      signature: ts.displayPartsToString(info.displayParts),
      documentation: ts.displayPartsToString(info.documentation),
    };
  }

  /** The language service answers for the file the compiler last saw; make that this text. */
  private sync(source: string): void {
    this.compiler.compile(source, { typeCheck: false, emit: false });
  }
}

function wordStart(source: string, position: number): number {
  let start = position;
  while (start > 0 && /[\w$]/.test(source[start - 1]!)) start--;
  return start;
}
