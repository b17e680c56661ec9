import type { SyntaxNode } from '@lezer/common';
import type { Diagnostic } from '../model.ts';
import type { PySource } from './pySource.ts';
import { childrenOf } from './pySource.ts';
import { SERVED_MODULES, servedModulesSentence } from './servedModules.ts';
import { STDLIB_MODULES } from './stdlibModules.ts';

/** What the file's imports bind: local names of served exports, and aliases of served modules. */
export interface PyScope {
  /** Local name -> the served name it stands for (`from workflows.events import StartEvent as SE`). */
  names: Map<string, string>;
  /** Local name -> served module path (`import workflows as wf`). */
  modules: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** A name as the analyser understands it: something the playground serves, or a name of the file. */
export interface Resolved {
  name: string;
  builtin: boolean;
}

/**
 * Reads the top-level imports. A module the playground cannot serve is an error that names it and says
 * what is there, at the import, since the run would stop on that line anyway.
 */
export function readScope(source: PySource): PyScope {
  const scope: PyScope = { names: new Map(), modules: new Map(), diagnostics: [] };
  for (const statement of childrenOf(source.top)) {
    if (statement.name === 'ImportStatement') readImport(source, statement, scope);
  }
  return scope;
}

function readImport(source: PySource, statement: SyntaxNode, scope: PyScope): void {
  const parts = childrenOf(statement);
  const unavailable = (module: string, from: number, to: number) =>
    scope.diagnostics.push({
      severity: 'error',
      code: 'import-unsupported',
      source: 'flowplay',
      range: source.rangeOf(from, to),
      message: `No module named '${module}' here: ${servedModulesSentence()}.`,
    });
  if (parts[0]?.name === 'from') {
    const importAt = parts.findIndex((p) => p.name === 'import');
    const moduleParts = parts.slice(1, importAt < 0 ? parts.length : importAt);
    const module = moduleParts.map((p) => source.textOf(p)).join('');
    const exports = SERVED_MODULES.get(module);
    if (!exports) {
      if (!isStandardLibrary(module)) unavailable(module, moduleParts[0]?.from ?? statement.from, moduleParts.at(-1)?.to ?? statement.to);
      return;
    }
    const names = parts.slice(importAt + 1).filter((p) => p.name === 'VariableName' || p.name === '*');
    for (let i = 0; i < names.length; i++) {
      const node = names[i]!;
      if (node.name === '*') {
        for (const name of exports) scope.names.set(name, name);
        continue;
      }
      const name = source.textOf(node);
      const alias = node.nextSibling?.name === 'as' ? names[i + 1] : undefined;
      if (alias) i++;
      if (!exports.includes(name)) {
        scope.diagnostics.push({
          severity: 'error',
          code: 'import-unsupported',
          source: 'flowplay',
          range: source.range(node),
          message: `cannot import name '${name}' from '${module}': the playground's ${module} provides ${exports.join(', ')}.`,
        });
        continue;
      }
      scope.names.set(alias ? source.textOf(alias) : name, name);
    }
    return;
  }
  // import a.b.c [as d], e
  let dotted: SyntaxNode[] = [];
  const flush = (alias: SyntaxNode | null) => {
    if (dotted.length === 0) return;
    const module = dotted.map((p) => source.textOf(p)).join('.');
    if (SERVED_MODULES.has(module)) scope.modules.set(alias ? source.textOf(alias) : module, module);
    else if (!isStandardLibrary(module) && !isServedPackage(module)) {
      unavailable(module, dotted[0]!.from, dotted.at(-1)!.to);
    }
    dotted = [];
  };
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.name === 'VariableName') dotted.push(part);
    else if (part.name === 'as') {
      flush(parts[i + 1] ?? null);
      i++;
    } else if (part.name === ',') flush(null);
  }
  flush(null);
}

function isStandardLibrary(module: string): boolean {
  return STDLIB_MODULES.has(module.split('.')[0]!);
}

/** `import llama_index.core` alone is harmless: it is a package on the way to the served module. */
function isServedPackage(module: string): boolean {
  return [...SERVED_MODULES.keys()].some((served) => served.startsWith(`${module}.`));
}

/** Resolves a name or `module.Name` to what it stands for, or null for anything else. */
export function resolveName(scope: PyScope, source: PySource, node: SyntaxNode | null | undefined): Resolved | null {
  if (!node) return null;
  if (node.name === 'VariableName') {
    const text = source.textOf(node);
    const served = scope.names.get(text);
    return served ? { name: served, builtin: true } : { name: text, builtin: false };
  }
  if (node.name === 'MemberExpression') {
    const [object, dot, property] = childrenOf(node);
    if (object?.name !== 'VariableName' || dot?.name !== '.' || property?.name !== 'PropertyName') return null;
    const module = scope.modules.get(source.textOf(object));
    const name = source.textOf(property);
    if (module && SERVED_MODULES.get(module)?.includes(name)) return { name, builtin: true };
  }
  return null;
}
