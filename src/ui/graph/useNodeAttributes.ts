import { useLayoutEffect, useRef } from 'react';

/**
 * Mirrors a node's run state onto React Flow's own node element (the one with `data-id`), where tests
 * and tools look for it. Written directly rather than through the node's `domAttributes`, which would
 * hand React Flow a new node list, and a re-render of the whole graph, on every counter change.
 */
export function useNodeAttributes<T extends HTMLElement>(attributes: Record<string, string | number>) {
  const ref = useRef<T>(null);
  const key = JSON.stringify(attributes);
  useLayoutEffect(() => {
    const wrapper = ref.current?.closest('.react-flow__node');
    if (!wrapper) return;
    // Only those that changed: each write makes the browser check the node's style again.
    for (const [name, value] of Object.entries(attributes)) if (wrapper.getAttribute(name) !== String(value)) wrapper.setAttribute(name, String(value));
    // `attributes` is a new object each render; `key` says whether it changed.
  }, [key]);
  return ref;
}
