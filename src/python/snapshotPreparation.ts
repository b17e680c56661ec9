import type { PyodideAPI } from 'pyodide';
import { RUNTIME_FILE } from './userTraceback.ts';

/**
 * What a start-up snapshot holds beyond Python itself: Flowplay's runtime module, imported (the slow
 * part after Python's own start-up) but not installed, since installing hands Python the engine's
 * functions and a snapshot cannot hold JavaScript objects. The runner does this before it snapshots
 * a Python it started from scratch, and the build does the same in Node for the snapshot it ships.
 */
export function importRuntimeForSnapshot(pyodide: PyodideAPI, runtimeSource: string): void {
  pyodide.FS.mkdirTree('/home/pyodide');
  pyodide.FS.writeFile(RUNTIME_FILE, runtimeSource);
  pyodide.runPython('import sys\nsys.path.insert(0, "/home/pyodide")\nimport flowplay_runtime');
}
