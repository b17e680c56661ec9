/**
 * Reading the resource factories' dependencies, in either language: the chain to a factory that
 * fails and the first circle, spelled as the engine reports it. No parser here, so the Python
 * analysis on the page uses it without TypeScript.
 */
export type ResourceGraph = Map<string, { dependsOn: string[] }>;

/** The chain from `start` to the first factory that satisfies `bad`, following dependencies first. */
export function dependencyPath(start: string, graph: ResourceGraph, bad: (name: string) => boolean, seen = new Set<string>()): string[] | null {
  if (seen.has(start)) return null;
  seen.add(start);
  for (const dep of graph.get(start)?.dependsOn ?? []) {
    const below = dependencyPath(dep, graph, bad, seen);
    if (below) return [start, ...below];
  }
  return bad(start) ? [start] : null;
}

/** The first circle of dependencies reached from `start`, written as the engine reports it (`a -> b -> a`). */
export function cycleFrom(start: string, graph: ResourceGraph, chain: string[] = []): string[] | null {
  const at = chain.indexOf(start);
  if (at >= 0) return [...chain, start];
  for (const dep of graph.get(start)?.dependsOn ?? []) {
    const found = cycleFrom(dep, graph, [...chain, start]);
    if (found) return found;
  }
  return null;
}
