/** A run's context state: `ctx.set`/`ctx.get` keys and `ctx.store` dot paths, one object per run. */
export class RunState {
  constructor(readonly root: object = {}) {}

  set(path: readonly string[], value: unknown): void {
    let node = this.root as Record<string, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      const next = node[path[i]!];
      node = (typeof next === 'object' && next !== null ? next : (node[path[i]!] = {})) as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
  }

  /** The value at `path`; a missing one gives the default, or throws like the Python library. */
  get(path: readonly string[], hasDefault: boolean, defaultValue: unknown): unknown {
    let node: unknown = this.root;
    for (const key of path) {
      if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, key)) {
        if (hasDefault) return defaultValue;
        throw new Error(`Key '${path.join('.')}' not found in Context`);
      }
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }
}
