import ts from 'typescript';
import { FLOWPLAY_MODULE } from './builtins.ts';
import { FLOWPLAY_FALLBACK_DECLARATIONS, GLOBALS_DECLARATIONS, GLOBALS_FILE_NAME } from './globals.ts';

/** Where the in-memory files live; only paths, no file system. */
const LIB_DIR = '/lib/';
const FLOWPLAY_DIR = `/node_modules/${FLOWPLAY_MODULE}/`;
const GLOBALS_PATH = `${LIB_DIR}${GLOBALS_FILE_NAME}`;
const FALLBACK_PATH = `${LIB_DIR}flowplay-fallback.d.ts`;
const FLOWPLAY_INDEX = `${FLOWPLAY_DIR}index.d.ts`;

/** The standard library the user's code is checked against (it runs on ES2022 hosts). */
export const STANDARD_LIB = 'lib.es2022.d.ts';

export interface LanguageServiceFiles {
  /** Standard library declarations by file name (`lib.es5.d.ts`, …), as shipped in `typescript/lib`. */
  libFiles?: Readonly<Record<string, string>>;
  /** Declarations of the `flowplay` module by path relative to its root; `index.d.ts` is the entry. */
  flowplayTypes?: Readonly<Record<string, string>>;
}

export const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: [STANDARD_LIB],
  types: [],
  strict: true,
  experimentalDecorators: true,
  useDefineForClassFields: true,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  noEmit: true,
};

/**
 * One long-lived TypeScript language service over the user's file and a fixed set of declarations.
 * Only the user's file changes between compilations, so TypeScript reuses the parsed and bound
 * library files and re-checks just that file: this is what keeps analysis within a typing budget.
 */
export class WorkflowLanguageService {
  readonly typeCheck: boolean;
  private readonly service: ts.LanguageService;
  private readonly fixed = new Map<string, ts.IScriptSnapshot>();
  private fileName = '/src/workflow.ts';
  private text = '';
  private snapshot: ts.IScriptSnapshot = ts.ScriptSnapshot.fromString('');
  private version = 0;
  private exported: ReadonlySet<string> | null = null;

  constructor(files: LanguageServiceFiles) {
    const libs = files.libFiles ?? {};
    this.typeCheck = libs['lib.es5.d.ts'] !== undefined && libs[STANDARD_LIB] !== undefined;
    for (const [name, text] of Object.entries(libs)) this.fixed.set(LIB_DIR + name, ts.ScriptSnapshot.fromString(text));
    for (const [name, text] of Object.entries(files.flowplayTypes ?? {})) {
      this.fixed.set(FLOWPLAY_DIR + name.replace(/^\.?\//, ''), ts.ScriptSnapshot.fromString(text));
    }
    this.fixed.set(GLOBALS_PATH, ts.ScriptSnapshot.fromString(GLOBALS_DECLARATIONS));
    const roots = [GLOBALS_PATH];
    // A root even before the file imports it, so its export names are known for auto-imports.
    if (files.flowplayTypes?.['index.d.ts']) roots.push(FLOWPLAY_INDEX);
    else {
      this.fixed.set(FALLBACK_PATH, ts.ScriptSnapshot.fromString(FLOWPLAY_FALLBACK_DECLARATIONS));
      roots.push(FALLBACK_PATH);
    }
    const options: ts.CompilerOptions = this.typeCheck ? COMPILER_OPTIONS : { ...COMPILER_OPTIONS, noLib: true };

    const host: ts.LanguageServiceHost = {
      getCompilationSettings: () => options,
      getScriptFileNames: () => [this.fileName, ...roots],
      getScriptVersion: (path) => (path === this.fileName ? String(this.version) : '0'),
      getScriptSnapshot: (path) =>
        path === this.fileName ? this.snapshot : this.fixed.get(path),
      getCurrentDirectory: () => '/',
      getDefaultLibFileName: () => `${LIB_DIR}lib.d.ts`,
      fileExists: (path) => path === this.fileName || this.fixed.has(path),
      readFile: (path) => (path === this.fileName ? this.text : this.fixed.get(path)?.getText(0, this.fixed.get(path)!.getLength())),
      directoryExists: (dir) => {
        const prefix = dir.endsWith('/') ? dir : `${dir}/`;
        if (this.fileName.startsWith(prefix)) return true;
        for (const path of this.fixed.keys()) if (path.startsWith(prefix)) return true;
        return false;
      },
      getDirectories: () => [],
      useCaseSensitiveFileNames: () => true,
    };
    this.service = ts.createLanguageService(host, ts.createDocumentRegistry(true, '/'));
  }

  /** Makes `text` the user's file and returns its parsed form (shared with the checker). */
  update(text: string): ts.SourceFile {
    if (text !== this.text || this.version === 0) {
      this.snapshot = new EditSnapshot(text, this.text, this.snapshot);
      this.text = text;
      this.version++;
    }
    const program = this.service.getProgram();
    const sf = program?.getSourceFile(this.fileName);
    if (!sf) throw new Error('The language service lost the workflow file.');
    return sf;
  }

  syntacticDiagnostics(): readonly ts.Diagnostic[] {
    return this.service.getSyntacticDiagnostics(this.fileName);
  }

  /** Type errors; empty when no standard library was provided (there is nothing sound to check against). */
  semanticDiagnostics(): readonly ts.Diagnostic[] {
    return this.typeCheck ? this.service.getSemanticDiagnostics(this.fileName) : [];
  }

  /** Problems with the declaration set itself (a missing lib file, …), for tests and hosts. */
  setupDiagnostics(): readonly ts.Diagnostic[] {
    return [...this.service.getCompilerOptionsDiagnostics()];
  }

  /** The names `flowplay` exports (empty without its declarations); they never change, so computed once. */
  flowplayExports(): ReadonlySet<string> {
    if (this.exported) return this.exported;
    const program = this.service.getProgram();
    const index = program?.getSourceFile(FLOWPLAY_INDEX);
    const module = index && program!.getTypeChecker().getSymbolAtLocation(index);
    const names = module ? program!.getTypeChecker().getExportsOfModule(module).map((s) => s.name) : [];
    this.exported = new Set(names);
    return this.exported;
  }

  /** For editor features (completions, hover) in the language worker. */
  get languageService(): ts.LanguageService {
    return this.service;
  }

  get userFileName(): string {
    return this.fileName;
  }

  dispose(): void {
    this.service.dispose();
  }
}

/**
 * A snapshot that knows what changed since the previous one (common prefix and suffix), so that
 * TypeScript re-parses only the edited region of a large file instead of all of it.
 */
class EditSnapshot implements ts.IScriptSnapshot {
  constructor(
    private readonly text: string,
    private readonly previousText: string,
    private readonly previous: ts.IScriptSnapshot,
  ) {}

  getText(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  getLength(): number {
    return this.text.length;
  }

  getChangeRange(old: ts.IScriptSnapshot): ts.TextChangeRange | undefined {
    if (old !== this.previous) return undefined;
    const a = this.previousText;
    const b = this.text;
    const max = Math.min(a.length, b.length);
    let prefix = 0;
    while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
    return ts.createTextChangeRange(ts.createTextSpan(prefix, a.length - prefix - suffix), b.length - prefix - suffix);
  }
}
