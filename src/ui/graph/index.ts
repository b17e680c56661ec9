export { GraphView } from './GraphView.tsx';
export { eventColor } from './eventColors.ts';
export { graphDrawn, whenGraphDrawn } from './firstGraph.ts';
