/**
 * Files of a runtime that only some visits need: the Python runtime (Pyodide, its wasm, its standard
 * library and packages, and the app's own bundles that start it in a runner and install Flowplay's
 * Python module), megabytes a TypeScript-only visit never loads. They stay out of the service
 * worker's install, and are kept on first use instead (then offline too). Paths are relative to the
 * app's folder; a path matches wherever the runtime's files sit (`pyodide/…` copied as they are, or
 * hashed names under `assets/`).
 */
export const RUNTIME_FILE_PATTERNS: readonly RegExp[] = [
  /(^|\/)pyodide\//,
  /(^|\/)pyodide[.-][^/]*$/,
  /(^|\/)python_stdlib[^/]*\.zip$/,
  /\.whl$/,
  /(^|\/)_virtual_flowplay-python-starter-[^/]*\.js$/,
  /(^|\/)flowplay_runtime-[^/]*\.js$/,
];

export function isRuntimeFile(path: string): boolean {
  return RUNTIME_FILE_PATTERNS.some((pattern) => pattern.test(path));
}
