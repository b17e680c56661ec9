import ts from 'typescript';
import type { Compiler } from '../compiler/index.ts';
import type { CompletionDetails, CompletionItem, CompletionList, HoverInfo, RenamePlan, SignatureHelp } from './protocol.ts';
import { stepNameStrings } from './stepNameStrings.ts';

const COMPLETION_OPTIONS: ts.GetCompletionsAtPositionOptions = {
  includeCompletionsWithInsertText: true,
  // Names `flowplay` exports come up before they are imported; choosing one adds the import.
  includeCompletionsForModuleExports: true,
};

/**
 * The editor's completions, hovers, signature help and renames, answered by the compiler's own
 * language service on the same file, so the editor and the compiler share one copy of TypeScript and
 * one parsed library.
 */
export class EditorService {
  private readonly compiler: Compiler;

  constructor(compiler: Compiler) {
    this.compiler = compiler;
  }

  completions(source: string, position: number): CompletionList | null {
    this.sync(source);
    const info = this.compiler.languageService.getCompletionsAtPosition(this.compiler.fileName, position, COMPLETION_OPTIONS);
    if (!info) return null;
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    for (const entry of info.entries) {
      // A name can come both from the file's scope and as an auto-import; the one in scope wins.
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      items.push({
        label: entry.name,
        kind: entry.kind,
        sortText: entry.sortText,
        ...(entry.hasAction && entry.source ? { module: entry.source, data: entry.data } : {}),
      });
      // A member list of a big lib type can run to thousands; the editor filters as the user types.
      if (items.length === 500) break;
    }
    return { from: info.optionalReplacementSpan?.start ?? wordStart(source, position), items };
  }

  completionDetails(source: string, position: number, item: Pick<CompletionItem, 'label' | 'module' | 'data'>): CompletionDetails | null {
    this.sync(source);
    const details = this.compiler.languageService.getCompletionEntryDetails(
      this.compiler.fileName,
      position,
      item.label,
      {},
      item.module,
      {},
      item.data as ts.CompletionEntryData | undefined,
    );
    if (!details) return null;
    const edits = (details.codeActions ?? []).flatMap((action) =>
      action.changes
        .filter((change) => change.fileName === this.compiler.fileName)
        .flatMap((change) => change.textChanges.map((c) => ({ start: c.span.start, end: c.span.start + c.span.length, text: c.newText }))),
    );
    return {
      signature: ts.displayPartsToString(details.displayParts),
      documentation: ts.displayPartsToString(details.documentation),
      edits,
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

  signatureHelp(source: string, position: number): SignatureHelp | null {
    this.sync(source);
    const help = this.compiler.languageService.getSignatureHelpItems(this.compiler.fileName, position, undefined);
    if (!help || help.items.length === 0) return null;
    const text = ts.displayPartsToString;
    return {
      from: help.applicableSpan.start,
      active: Math.min(help.selectedItemIndex, help.items.length - 1),
      activeParameter: help.argumentIndex,
      signatures: help.items.map((item) => ({
        prefix: text(item.prefixDisplayParts),
        parameters: item.parameters.map((p) => ({ label: text(p.displayParts), documentation: text(p.documentation) })),
        separator: text(item.separatorDisplayParts),
        suffix: text(item.suffixDisplayParts),
        documentation: text(item.documentation),
      })),
    };
  }

  /**
   * Every place a rename of the name at `position` changes. A step's name is also written as a string
   * where an event is sent to it (`ctx.sendEvent(ev, "name")`); those change with it.
   */
  rename(source: string, position: number): RenamePlan {
    const sf = this.sync(source);
    const service = this.compiler.languageService;
    const info = service.getRenameInfo(this.compiler.fileName, position, {});
    if (!info.canRename) return { ok: false, reason: info.localizedErrorMessage };
    const found = service.findRenameLocations(this.compiler.fileName, position, false, false, {}) ?? [];
    const locations = found
      .filter((l) => l.fileName === this.compiler.fileName)
      .map((l) => ({ start: l.textSpan.start, end: l.textSpan.start + l.textSpan.length }));
    const from = info.triggerSpan.start;
    const name = source.slice(from, from + info.triggerSpan.length);
    if (info.kind === ts.ScriptElementKind.memberFunctionElement) locations.push(...stepNameStrings(sf, name));
    return { ok: true, from, to: from + info.triggerSpan.length, name, locations };
  }

  /** The language service answers for the file the compiler last saw; make that this text. */
  private sync(source: string): ts.SourceFile {
    this.compiler.compile(source, { typeCheck: false, emit: false });
    const sf = this.compiler.languageService.getProgram()?.getSourceFile(this.compiler.fileName);
    if (!sf) throw new Error('The language service lost the workflow file.');
    return sf;
  }
}

function wordStart(source: string, position: number): number {
  let start = position;
  while (start > 0 && /[\w$]/.test(source[start - 1]!)) start--;
  return start;
}
