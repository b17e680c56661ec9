/**
 * `npm run build:engine [outDir]`: writes the engine package (package.json, index.js, declarations),
 * generated from src/engine, to build/flowplay-engine (or outDir), ready for `npm pack` or a
 * `file:` dependency.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { enginePackageFiles } from '../src/project/enginePackage.ts';

const outDir = resolve(process.argv[2] ?? 'build/flowplay-engine');
const files = await enginePackageFiles();
rmSync(outDir, { recursive: true, force: true });
for (const [path, text] of Object.entries(files)) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
process.stdout.write(`Wrote ${Object.keys(files).length} files of the flowplay engine package to ${outDir}\n`);
