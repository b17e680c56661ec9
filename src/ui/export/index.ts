/** Downloads: the graph (PNG, SVG, Mermaid, JSON), the trace and the code. */
export { ExportMenu } from './ExportMenu.tsx';
export { download } from './download.ts';
export { slicedBlob } from './slicedBlob.ts';
export { svgToPng } from './svgToPng.ts';
