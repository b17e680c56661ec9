/** A class of the file and what its first base resolves to (a served name or another class of the file). */
export interface ClassBase {
  name: string;
  base: { name: string; builtin: boolean } | null;
}

/**
 * The classes that are workflows: they extend `Workflow`, directly or through another workflow class
 * of the file, whatever order the classes are written in. Shared by both front ends.
 */
export function workflowClassNames(classes: ClassBase[]): Set<string> {
  const names = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const { name, base } of classes) {
      if (names.has(name) || !base) continue;
      if ((base.builtin && base.name === 'Workflow') || (!base.builtin && names.has(base.name))) {
        names.add(name);
        changed = true;
      }
    }
  }
  return names;
}
