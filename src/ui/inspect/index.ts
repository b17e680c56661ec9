/** The inspector and the dock that holds it beside the console and the timeline. */
export { Dock } from './Dock.tsx';
export { InspectorPanel } from './InspectorPanel.tsx';
export { JsonTree } from './JsonTree.tsx';
export { useTraceIndex, useCursorSeq, recordBySeq } from './useTraceIndex.ts';
export { revealLine } from './revealLine.ts';
