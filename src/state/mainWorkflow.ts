import type { WorkflowInfo } from '../compiler/model.ts';

/**
 * The workflow Run starts in a file that defines several: the first that no step of another starts
 * (a child workflow runs inside its parent's step), else the first.
 */
export function mainWorkflow(workflows: readonly Pick<WorkflowInfo, 'name' | 'steps'>[]): string | null {
  const children = new Set(workflows.flatMap((w) => w.steps.flatMap((s) => (s.children ?? []).filter((c) => c !== w.name))));
  return (workflows.find((w) => !children.has(w.name)) ?? workflows[0])?.name ?? null;
}
