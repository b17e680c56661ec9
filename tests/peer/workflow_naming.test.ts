/**
 * Port of llama-index-workflows/tests/test_workflow_naming.py: `workflow_name`, here `workflowName`.
 * The library's default is the class's module-qualified name (`tests.test_workflow_naming.SimpleWorkflow`,
 * `create_workflow.<locals>.LocalWorkflow`); a JavaScript class knows neither its module nor the
 * function that declares it, so ours is the class name (a language difference, src/engine/README.md).
 */
import { describe, expect, it } from 'vitest';
import { StartEvent, StopEvent, Workflow, step } from 'flowplay';

class SimpleWorkflow extends Workflow {
  @step({ accepts: [StartEvent], returns: [StopEvent] })
  async start(_ev: StartEvent): Promise<StopEvent> {
    return new StopEvent({ result: 'done' });
  }
}

describe('test_workflow_naming.py', () => {
  it('test_explicit_name', () => {
    expect(new SimpleWorkflow({ workflowName: 'my-custom-name' }).workflowName).toBe('my-custom-name');
  });

  it('test_default_name_is_module_qualified (language difference: the class name, no module)', () => {
    const wf = new SimpleWorkflow();
    expect(wf.workflowName.endsWith('SimpleWorkflow')).toBe(true);
    expect(wf.workflowName).toBe('SimpleWorkflow');
  });

  it('test_nested_class_qualname (language difference: the inner class name)', () => {
    // TypeScript has no nested class declarations: the inner class is a static member of the outer one.
    class InnerWorkflow extends Workflow {
      @step({ accepts: [StartEvent], returns: [StopEvent] })
      async start(_ev: StartEvent): Promise<StopEvent> {
        return new StopEvent({ result: 'done' });
      }
    }
    class Outer {
      static InnerWorkflow = InnerWorkflow;
    }
    expect(new Outer.InnerWorkflow().workflowName).toBe('InnerWorkflow');
  });

  it('test_function_scoped_workflow_has_locals_in_name (language difference: the class name)', () => {
    const createWorkflow = (): Workflow => {
      class LocalWorkflow extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async start(_ev: StartEvent): Promise<StopEvent> {
          return new StopEvent({ result: 'done' });
        }
      }
      return new LocalWorkflow();
    };
    expect(createWorkflow().workflowName).toBe('LocalWorkflow');
  });

  it('test_explicit_name_overrides_default', () => {
    const createWorkflow = (): Workflow => {
      class LocalWorkflow extends Workflow {
        @step({ accepts: [StartEvent], returns: [StopEvent] })
        async start(_ev: StartEvent): Promise<StopEvent> {
          return new StopEvent({ result: 'done' });
        }
      }
      return new LocalWorkflow({ workflowName: 'explicit-name' });
    };
    const wf = createWorkflow();
    expect(wf.workflowName).toBe('explicit-name');
    expect(wf.workflowName).not.toContain('LocalWorkflow');
  });
});
