import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import type { Diagnostic } from '../../compiler/index.ts';
import { outcomesText, queuedText, queuedTitle } from '../../inspect/index.ts';
import type { StepView } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';
import { eventColor } from './eventColors.ts';
import type { FlowNode } from './flowTypes.ts';
import { useNodeAttributes } from './useNodeAttributes.ts';

/** A step: a box with its state, worker slots (`running/numWorkers`), outcomes and collect progress. */
export const StepNode = memo(function StepNode({ data, selected }: NodeProps<FlowNode>) {
  const { view, run, runs, workspace, ui } = usePlayground();
  const model = data.model.step!;
  const breakpoint = useStore(run, (s) => s.settings.breakpoints.includes(model.name));
  const step = useStore(view, (s) => s.view.steps[model.name]);
  const state = step?.state ?? 'idle';
  const numWorkers = step?.numWorkers ?? model.numWorkers;
  const running = step?.running ?? 0;
  const queued = step?.queued ?? 0;
  const collected = collectedText(step);
  // The compiler ties each problem inside a step to its node: an invalid step says why on hover.
  const problems = useStore(workspace, (s) => problemsOf(s.analysis?.diagnostics, data.model.id));
  const compared = useStore(ui, (s) => s.compareMarks?.steps[model.name] ?? 'none');
  const ref = useNodeAttributes<HTMLDivElement>({
    'data-compare': compared,
    'data-state': state,
    'data-running': running,
    'data-queued': queued,
    'data-collected': collected,
    'data-invalid': problems ? 'true' : 'false',
  });
  const title = [step?.error ? `${step.error.name}: ${step.error.message}` : null, problems].filter(Boolean).join('\n');
  return (
    <div
      ref={ref}
      className={`step-node state-${state}${selected ? ' is-selected' : ''}${problems ? ' is-invalid' : ''}`}
      data-state={state}
      data-running={running}
      data-queued={queued}
      data-collected={collected}
      data-invalid={problems ? 'true' : 'false'}
      title={title || undefined}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      {queued > 0 ? (
        <span className="step-queue" data-testid="step-queue" title={queuedTitle(queued)}>
          {queuedText(queued)}
        </span>
      ) : null}
      <div className="step-head">
        <button
          type="button"
          className={breakpoint ? 'bp-dot on nodrag' : 'bp-dot nodrag'}
          data-testid="breakpoint-toggle"
          aria-pressed={breakpoint}
          title={breakpoint ? `Remove the breakpoint on ${model.name}` : `Pause the run before ${model.name} runs (breakpoint)`}
          onClick={(e) => {
            e.stopPropagation();
            void runs.toggleBreakpoint(model.name);
          }}
        />
        <span className="step-name" title={model.name}>{model.name}</span>
      </div>
      <div className="step-slots" aria-label={`${running} of ${numWorkers} workers busy, ${queued} queued`}>
        {/* The slots narrow for many workers: the row stays one line whatever the counts. */}
        <span className="slot-bar">
          {Array.from({ length: Math.min(numWorkers, 8) }, (_, i) => (
            <span key={i} className={i < running ? 'slot busy' : 'slot'} />
          ))}
        </span>
        <span className="slot-text">
          {running}/{numWorkers}
        </span>
        <span className="step-state">{STATE_LABEL[state]}</span>
      </div>
      <StepFooter step={step} collects={model.collects} />
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

/** The step's errors, one per line (a string, so the store selector result compares by value). */
function problemsOf(diagnostics: readonly Diagnostic[] | undefined, node: string): string {
  return [...new Set((diagnostics ?? []).filter((d) => d.node === node && d.severity === 'error').map((d) => d.message))].join('\n');
}

function StepFooter({ step, collects }: { step: StepView | undefined; collects: string[] }) {
  if (step?.collect && step.collect.length > 1) {
    // Several types: one chip per type, in its event colour, in the order collectEvents asked for.
    return (
      <div className="step-collect types">
        {step.collect.map((c) => (
          <span key={c.type} className={c.have >= c.need ? 'collect-chip full' : 'collect-chip'} title={`${c.type}: ${c.have} of ${c.need}`}>
            <i style={{ background: eventColor(c.type) }} />
            {`${c.have}/${c.need}`}
          </span>
        ))}
      </div>
    );
  }
  if (step?.collect && step.collect.length === 1) {
    const { type, have, need } = step.collect[0]!;
    return (
      <div className="step-collect" title={`${type}: ${have} of ${need}`}>
        <span className="collect-bar">
          {/* Filled by a transform, not a width: a bar moving every frame of playback costs no layout. */}
          <span style={{ transform: `scaleX(${need === 0 ? 0 : Math.min(1, have / need)})` }} />
        </span>
        <span className="collect-text">{`${have}/${need}`}</span>
      </div>
    );
  }
  const outcomes = outcomesText(step);
  if (outcomes) return <div className="step-outcomes">{outcomes}</div>;
  if (collects.length > 0) {
    const text = `collects ${collects.join(', ')}`;
    return <div className="step-outcomes muted" title={text}>{text}</div>;
  }
  return <div className="step-outcomes muted">{step && step.running + step.queued > 0 ? '' : 'idle'}</div>;
}

const STATE_LABEL: Record<StepView['state'], string> = {
  idle: '',
  queued: 'queued',
  running: 'running',
  done: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** `have/need` over every type the step collects, or empty when it does not collect. */
export function collectedText(step: StepView | undefined): string {
  if (!step?.collect || step.collect.length === 0) return '';
  const have = step.collect.reduce((sum, c) => sum + c.have, 0);
  const need = step.collect.reduce((sum, c) => sum + c.need, 0);
  return `${have}/${need}`;
}
