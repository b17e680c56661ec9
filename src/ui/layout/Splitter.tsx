import { useRef } from 'react';

interface SplitterProps {
  /** `vertical`: a bar between two columns, dragged sideways; `horizontal`: between two rows. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  value: number;
  min: number;
  max: number;
  /** How much an arrow key moves it. */
  step: number;
  /** Which way an arrow key grows `value`: Right/Down (+1) or Left/Up (-1). */
  direction?: 1 | -1;
  /** The new value for a pointer at (x, y), from the splitter's own element and its neighbours. */
  measure: (element: HTMLElement, x: number, y: number) => number;
  onChange: (value: number) => void;
  /** Double-click: back to the default size. */
  onReset: () => void;
  testId?: string;
}

/**
 * A divider between two panes: drag it, use the arrow keys on it (Home/End for the limits), or
 * double-click it to put it back. Announced as a separator with its value, as screen readers expect.
 */
export function Splitter({ orientation, label, value, min, max, step, direction = 1, measure, onChange, onReset, testId }: SplitterProps) {
  const dragging = useRef(false);
  const clamp = (next: number) => Math.min(max, Math.max(min, next));
  const grow = orientation === 'vertical' ? { ArrowRight: 1, ArrowLeft: -1 } : { ArrowDown: 1, ArrowUp: -1 };
  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      title={`${label} (drag, or arrow keys; double-click to reset)`}
      data-testid={testId}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (dragging.current) onChange(clamp(measure(event.currentTarget, event.clientX, event.clientY)));
      }}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
      onDoubleClick={onReset}
      onKeyDown={(event) => {
        const sign = grow[event.key as keyof typeof grow];
        if (sign !== undefined) onChange(clamp(value + sign * direction * step));
        else if (event.key === 'Home') onChange(min);
        else if (event.key === 'End') onChange(max);
        else return;
        event.preventDefault();
      }}
    />
  );
}
