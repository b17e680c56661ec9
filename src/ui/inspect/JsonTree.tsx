import { useState, type ReactNode } from 'react';
import type { JsonValue } from '../../engine/jsonSafe.ts';

/** Objects and arrays deeper than this start folded. */
const OPEN_DEPTH = 2;
/** Children drawn per level; the rest are counted, so a huge payload cannot stall the page. */
const MAX_CHILDREN = 200;

/**
 * A JSON value as a tree whose objects and arrays fold open and shut (native `<details>`). A folded
 * level draws no children: a value from a run or a file may be thousands of levels deep or wide, and
 * drawing what nobody opened cost the page seconds (and React's unmounting of it, the stack).
 */
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
  return <JsonNode value={value} name={name} depth={depth} />;
}

function JsonNode({ value, name, depth }: { value: { [key: string]: JsonValue } | JsonValue[]; name: ReactNode; depth: number }) {
  const [open, setOpen] = useState(depth < OPEN_DEPTH);
  const count = Array.isArray(value) ? value.length : Object.keys(value).length;
  const summary = Array.isArray(value) ? `Array(${count})` : `{${count === 0 ? '' : '…'}} ${count} field${count === 1 ? '' : 's'}`;
  return (
    <details className="json-node" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {name}
        <span className="json-summary">{summary}</span>
      </summary>
      {open ? (
        <div className="json-children">
          {shownEntries(value).map(([key, child]) => (
            <JsonTree key={key} label={key} value={child} depth={depth + 1} />
          ))}
          {count > MAX_CHILDREN ? <div className="json-more">… {count - MAX_CHILDREN} more</div> : null}
        </div>
      ) : null}
    </details>
  );
}

/** The first `MAX_CHILDREN` entries, without listing the rest of a huge array. */
function shownEntries(value: { [key: string]: JsonValue } | JsonValue[]): [string, JsonValue][] {
  if (Array.isArray(value)) return value.slice(0, MAX_CHILDREN).map((v, i) => [String(i), v]);
  const out: [string, JsonValue][] = [];
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    out.push([key, value[key]!]);
    if (out.length === MAX_CHILDREN) break;
  }
  return out;
}

function formatLeaf(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}
