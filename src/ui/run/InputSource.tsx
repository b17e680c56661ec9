import { useStore } from 'zustand';
import { revealInEditor, setSource, updateSettings } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { START_INPUT, moveRunInput, takesStartInput } from './moveRunInput.ts';
import type { OwnRunCall } from './ownRunCall.ts';

/**
 * Said under the Input box when the code starts its run itself: where the run's input comes from,
 * and, when the call writes plain values, a button that moves them into the box and makes the call
 * take the box's input (`run(startInput())`), one edit the editor can undo.
 */
export function InputSource({ call }: { call: OwnRunCall }) {
  const { run, workspace, ui } = usePlayground();
  const lang = useStore(workspace, (s) => s.lang);
  const shown = call.argument.length > 60 ? `${call.argument.slice(0, 57)}…` : call.argument;
  const edit = (
    <button type="button" className="link-button" onClick={() => revealInEditor(ui, call.from, call.to)}>
      {takesStartInput(call) ? `Show line ${call.line}` : 'Edit it in the code'}
    </button>
  );
  if (takesStartInput(call)) {
    return (
      <p className="input-source" id="input-source" data-testid="input-source" data-takes-input="true">
        <span>
          The run the code starts on line {call.line} takes this input: <code>run({shown})</code>.
        </span>
        {edit}
      </p>
    );
  }
  // Only TypeScript has startInput() to rewrite the call to; a call that computes its input stays as written.
  const move = lang === 'typescript' ? moveRunInput(workspace.getState().source, call) : null;
  const moveValues = () => {
    const moved = moveRunInput(workspace.getState().source, call);
    if (!moved.ok) return;
    updateSettings(run, { inputText: moved.inputText });
    setSource(workspace, moved.source);
  };
  return (
    <p className="input-source" id="input-source" data-testid="input-source">
      <span title={`Not used by this code: line ${call.line} starts the run itself with run(${call.argument}).${move && !move.ok ? ` Its values stay in the code: ${move.reason}.` : ''}`}>
        Not used: line {call.line} starts the run itself with <code>run({shown})</code>.
        {move && !move.ok ? ` Its values stay in the code: ${move.reason}.` : null}
      </span>
      {move?.ok ? (
        <button
          type="button"
          className="link-button"
          data-testid="move-input"
          onClick={moveValues}
          title={`Puts these values in the Input box and changes line ${call.line} to run(${START_INPUT}()), which takes what the box holds. Undo in the editor puts the line back.`}
        >
          Use the Input box instead
        </button>
      ) : null}
      {edit}
    </p>
  );
}
