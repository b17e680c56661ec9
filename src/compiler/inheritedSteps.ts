/**
 * The steps of a workflow class, its bases' first: a subclass that redefines a step replaces the
 * inherited one. Shared by both front ends so inheritance means the same in TypeScript and Python.
 */
export function inheritedSteps<S extends { info: { name: string } }>(
  name: string,
  baseOf: ReadonlyMap<string, string>,
  ownSteps: ReadonlyMap<string, S[]>,
  seen: ReadonlySet<string> = new Set(),
): S[] {
  const base = baseOf.get(name);
  const inherited = base && !seen.has(base) ? inheritedSteps(base, baseOf, ownSteps, new Set([...seen, name])) : [];
  const own = ownSteps.get(name) ?? [];
  return [...inherited.filter((s) => !own.some((o) => o.info.name === s.info.name)), ...own];
}
