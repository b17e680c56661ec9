import type { JsonValue } from '../../engine/jsonSafe.ts';

/** Objects and arrays deeper than this start folded. */
const OPEN_DEPTH = 2;
/** Children drawn per level; the rest are counted, so a huge payload cannot stall the page. */
const MAX_CHILDREN = 200;

/** A JSON value as a tree whose objects and arrays fold open and shut (native `<details>`). */
export function JsonTree({ value, label, depth = 0 }: { value: JsonValue | undefined; label?: string; depth?: number }) {
  const name = label === undefined ? null : <span className="json-key">{label}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {name}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{formatLeaf(value)}</span>
      </div>
    );
  }
  const entries: [string, JsonValue][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `Array(${entries.length})` : `{${entries.length === 0 ? '' : '…'}} ${entries.length} field${entries.length === 1 ? '' : 's'}`;
  return (
    <details className="json-node" open={depth < OPEN_DEPTH}>
      <summary>
        {name}
        <span className="json-summary">{summary}</span>
      </summary>
      <div className="json-children">
        {entries.slice(0, MAX_CHILDREN).map(([key, child]) => (
          <JsonTree key={key} label={key} value={child} depth={depth + 1} />
        ))}
        {entries.length > MAX_CHILDREN ? <div className="json-more">… {entries.length - MAX_CHILDREN} more</div> : null}
      </div>
    </details>
  );
}

function formatLeaf(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}
