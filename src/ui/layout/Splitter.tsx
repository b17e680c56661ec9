import { useRef } from 'react';

const MIN = 24;
const MAX = 64;

/**
 * The divider between code and graph: drag it (or use the arrow keys on it) to give the graph more
 * room. `onChange` gets the code pane's width as a percentage of the workspace.
 */
export function Splitter({ value, onChange }: { value: number; onChange: (percent: number) => void }) {
  const dragging = useRef(false);
  const clamp = (percent: number) => Math.min(MAX, Math.max(MIN, percent));
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize the code pane"
      aria-valuemin={MIN}
      aria-valuemax={MAX}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (!dragging.current) return;
        const workspace = event.currentTarget.parentElement!.getBoundingClientRect();
        onChange(clamp(((event.clientX - workspace.left) / workspace.width) * 100));
      }}
      onPointerUp={() => (dragging.current = false)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') onChange(clamp(value - 2));
        else if (event.key === 'ArrowRight') onChange(clamp(value + 2));
      }}
    />
  );
}
