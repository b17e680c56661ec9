import { useStore } from '@xyflow/react';

/**
 * The graph's dotted grid, following the viewport as it pans and zooms. A CSS background of one div,
 * not React Flow's `<Background>`: that one is an SVG sized 100% of the pane, and Chromium lays it out
 * again whenever anything in the graph changes (a counter's text, a token) and then repaints the whole
 * of it. While a run animates that was the entire graph pane rasterised every frame, on the same cores
 * as the runner. A div's background is repainted only when the viewport moves or the pane resizes.
 *
 * The dots are where `<Background gap size>` put them: one per `gap` of graph space, `size` across,
 * both scaled with the zoom. It sits where `<Background>` sat (the class gives the pane's colour and
 * keeps it behind the graph), and is not an ancestor of any text, so contrast checks still see the
 * graph's text on its real background.
 */
export function GridBackground({ gap, size }: { gap: number; size: number }) {
  const transform = useStore((s) => s.transform);
  const [x, y, zoom] = transform;
  const step = gap * zoom || 1;
  const radius = (size * zoom) / 2;
  // One tile per grid step with its dot in the top-left corner, at the radius React Flow's pattern
  // drew; the half pixel beyond it is the circle's anti-aliased edge.
  return (
    <div
      className="react-flow__background graph-grid"
      data-testid="graph-grid"
      style={{
        backgroundImage: `radial-gradient(circle at ${radius}px ${radius}px, var(--graph-grid) ${radius}px, transparent ${radius + 0.5}px)`,
        backgroundSize: `${step}px ${step}px`,
        backgroundPosition: `${(x % step) - step / 2}px ${(y % step) - step / 2}px`,
      }}
    />
  );
}
