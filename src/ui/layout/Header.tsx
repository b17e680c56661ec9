import { setSource } from '../../state/index.ts';
import { EXAMPLES } from '../examples.ts';
import { usePlayground } from '../playground.ts';
import { RunControls } from '../run/index.ts';

/** Product name, the example picker and the run controls. */
export function Header({ example, onExample }: { example: string; onExample: (id: string) => void }) {
  const { workspace } = usePlayground();
  return (
    <header className="app-header">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={26} height={26} />
        <h1>Flowplay</h1>
        <span className="tagline">event-driven workflows, step by step</span>
      </div>
      <label className="example-picker">
        <span>Example</span>
        <select
          data-testid="example-select"
          value={example}
          onChange={(e) => {
            const next = EXAMPLES.find((x) => x.id === e.target.value);
            if (!next) return;
            setSource(workspace, next.source);
            onExample(next.id);
          }}
        >
          {EXAMPLES.map((x) => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
          {EXAMPLES.some((x) => x.id === example) ? null : <option value={example}>Your code</option>}
        </select>
      </label>
      <RunControls />
    </header>
  );
}
