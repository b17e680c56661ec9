import type { TracePacket } from '../../src/engine/traceStore.ts';
import { STRIDE } from '../../src/engine/traceTables.ts';

/**
 * A packet whose rows each keep one value whole, as a record the store keeps as an object: how a
 * test hands the page's gate records of its own making (forged ones too) as the runner's packets.
 */
export function recordsPacket(records: readonly unknown[]): TracePacket {
  return {
    ints: new Int32Array(records.length * STRIDE),
    times: new Float64Array(records.length),
    objects: [...records],
    names: [],
    runIds: [],
    shapes: [],
    list: new Int32Array(0),
    values: [],
    needs: [],
  };
}
