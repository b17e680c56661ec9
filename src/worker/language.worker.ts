/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createCompiler } from '../compiler/index.ts';
import type { CompileResult } from '../compiler/index.ts';
import { flowplayTypes, libFiles } from './bundledDeclarations.ts';
import { EditorService } from './editorService.ts';
import type { LanguageApi } from './protocol.ts';

// One compiler, one TypeScript language service: the graph, the type errors and the editor's
// completions all come from it.
const compiler = createCompiler({ libFiles: libFiles(), flowplayTypes: flowplayTypes() });
const editor = new EditorService(compiler);

const api: LanguageApi = {
  async analyse(source: string): Promise<CompileResult> {
    return compiler.compile(source);
  },
  async completions(source, position) {
    return editor.completions(source, position);
  },
  async hover(source, position) {
    return editor.hover(source, position);
  },
  async completionDetails(source, position, item) {
    return editor.completionDetails(source, position, item);
  },
  async signatureHelp(source, position) {
    return editor.signatureHelp(source, position);
  },
  async rename(source, position) {
    return editor.rename(source, position);
  },
};

Comlink.expose(api);
