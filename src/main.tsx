import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { App, PlaygroundContext, createPlayground, exampleFromLocation } from './ui/index.ts';
import { createLanguageClient, createRunnerClient } from './worker/index.ts';
import { toMermaid } from './compiler/mermaid.ts';

const example = exampleFromLocation(window.location.search);
const playground = createPlayground({
  source: example.source,
  language: createLanguageClient(),
  runner: createRunnerClient(),
  toMermaid,
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundContext.Provider value={playground}>
      <App initialExample={example.id} />
    </PlaygroundContext.Provider>
  </StrictMode>,
);
