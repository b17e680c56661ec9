import { describe, expect, test } from 'vitest';
import type { GraphModel } from '../../../src/compiler/model.ts';
import { graphAsText, MAX_TEXT_LINES } from '../../../src/ui/graph/graphAsText.ts';
import { MAX_DRAWN_NODES, tooLargeToDraw } from '../../../src/ui/graph/graphLimits.ts';

/** start -> E0 -> s1 -> E1 -> ... : the shape of the link that used to blank the page. */
function chain(steps: number, cycle = false): GraphModel {
  const nodes: GraphModel['nodes'] = [];
  const edges: GraphModel['edges'] = [];
  for (let i = 0; i < steps; i++) {
    nodes.push({ id: `step:s${i}`, kind: 'step', label: `s${i}`, workflow: 'Chain' });
    nodes.push({ id: `event:E${i}`, kind: 'event', label: `E${i}`, workflow: 'Chain' });
    edges.push({ id: `step:s${i}->event:E${i}`, source: `step:s${i}`, target: `event:E${i}`, kind: 'returns', dashed: false });
    if (i + 1 < steps || cycle) {
      const to = `step:s${(i + 1) % steps}`;
      edges.push({ id: `event:E${i}->${to}`, source: `event:E${i}`, target: to, kind: 'accepts', dashed: false });
    }
  }
  return { nodes, edges };
}

describe('graphs too large to draw', () => {
  test('a small graph is drawn; past the limit the page says how large it is', () => {
    expect(tooLargeToDraw(chain(20))).toBeNull();
    expect(tooLargeToDraw(chain(MAX_DRAWN_NODES / 2))).toBeNull();
    expect(tooLargeToDraw(chain(1_500))).toMatch(/too large to draw: 1,500 steps and 1,500 event types/);
  });

  test('the text view names each step with what it accepts and emits, and is cut with a count', () => {
    expect(graphAsText(chain(2)).split('\n')).toEqual(['s0: (nothing) -> E0', 's1: E0 -> E1']);
    const text = graphAsText(chain(MAX_TEXT_LINES + 10));
    expect(text.split('\n')).toHaveLength(MAX_TEXT_LINES + 1);
    expect(text).toMatch(/… 10 more lines not shown$/);
  });
});
