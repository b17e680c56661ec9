export { GraphView } from './GraphView.tsx';
export { eventColor } from './eventColors.ts';
export { layoutGraph, structureKey } from './layoutGraph.ts';
export { edgeCurve } from './edgePath.ts';
