export { GraphView } from './GraphView.tsx';
export { eventColor } from './eventColors.ts';
