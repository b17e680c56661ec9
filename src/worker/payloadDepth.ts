/** How deep the engine's `toJsonSafe` keeps values (its default limits); past it, a value is a marker. */
export const PAYLOAD_DEPTH = 6;

const MARKER = /^\[(?:[A-Za-z_$][\w$]*|Array\(\d+\))\]$/;

/**
 * Whether a value from a trace record was cut at the payload depth: a marker string such as
 * `"[Object]"` or `"[Array(3)]"` exactly where `toJsonSafe` stops. The runner uses it to tell the
 * user once per run instead of leaving them to wonder where their data went.
 */
export function cutAtDepth(value: unknown, depth = PAYLOAD_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v === 'string') {
      if (d === depth && MARKER.test(v)) return true;
      continue;
    }
    if (typeof v !== 'object' || v === null || d >= depth) continue;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}
