/**
 * The reading end of a `TraceStore`'s packets, in another thread: it keeps the tables the rows point
 * into (names, lists, flat fields) and turns each packet's rows back into the records the store would
 * give. Typed arrays cross a thread boundary for the price of a copy, where a record object costs a
 * structured clone of every field, which is what a page receiving a big run spent its frames on.
 *
 * A packet may come from code that is not the engine (the page's runner runs user code), so nothing
 * in it is trusted: a row that points outside the tables is refused with a reason, never read out of
 * bounds or made into an array of whatever size it claims. The records that come out are still to be
 * checked as any record from outside is (`TraceValidator`).
 */
import type { TraceRecord } from './trace.ts';
import type { TracePacket } from './traceStore.ts';
import { STRIDE, TraceTables } from './traceTables.ts';

/** One row of a packet: its record, or why it cannot be read. */
export type DecodedRow = { ok: true; record: TraceRecord } | { ok: false; reason: string };

export class TraceDecoder extends TraceTables {
  /** Takes a packet's tables in and reads its rows, in order. Packets must come in the order they were made. */
  read(packet: TracePacket): DecodedRow[] {
    for (const name of packet.names) this.names.push(name);
    for (const runId of packet.runIds) this.runIds.push(runId);
    for (const shape of packet.shapes) this.shapes.push(shape);
    this.listRoom(packet.list.length);
    this.list.set(packet.list, this.listLength);
    this.listLength += packet.list.length;
    for (const value of packet.values) this.values.push(value);
    for (const need of packet.needs) this.needs.push(need);
    const rows = packet.times.length;
    const out: DecodedRow[] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      try {
        out[r] = { ok: true, record: this.decode(packet.ints, r * STRIDE, packet.times[r]!, packet.objects[r] ?? undefined) };
      } catch (error) {
        out[r] = { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
    }
    return out;
  }
}

/** Whether `value` has a packet's shape (the sizes of its parts agree); says nothing of what the rows hold. */
export function isTracePacket(value: unknown, maxRows: number): value is TracePacket {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  if (!(p.ints instanceof Int32Array) || !(p.times instanceof Float64Array) || !(p.list instanceof Int32Array)) return false;
  const rows = p.times.length;
  if (rows > maxRows || p.ints.length !== rows * STRIDE || !Array.isArray(p.objects) || p.objects.length !== rows) return false;
  if (!Array.isArray(p.values) || !isStrings(p.names) || !isStrings(p.runIds)) return false;
  if (!Array.isArray(p.needs) || !p.needs.every(isNeed)) return false;
  return Array.isArray(p.shapes) && p.shapes.every(isStrings);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** A collect expectation's shape: type names, and a plain record of counts. */
function isNeed(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const need = value as Record<string, unknown>;
  return isStrings(need.types) && typeof need.names === 'object' && need.names !== null && !Array.isArray(need.names);
}

/**
 * Packets of one store, in the order they were made, as one packet: its tables and rows are theirs
 * one after the other, which is what a decoder takes in reading them in turn (each packet's tables
 * only add to the ones before). A relay joins a runner's many small packets so the page reads fewer.
 */
export function joinPackets(packets: readonly TracePacket[]): TracePacket {
  if (packets.length === 1) return packets[0]!;
  const joinTyped = <T extends Int32Array | Float64Array>(parts: T[], make: (length: number) => T): T => {
    const out = make(parts.reduce((n, part) => n + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const joinLists = <T>(pick: (packet: TracePacket) => T[]): T[] => packets.flatMap(pick);
  return {
    ints: joinTyped(packets.map((p) => p.ints), (n) => new Int32Array(n)),
    times: joinTyped(packets.map((p) => p.times), (n) => new Float64Array(n)),
    objects: joinLists((p) => p.objects),
    names: joinLists((p) => p.names),
    runIds: joinLists((p) => p.runIds),
    shapes: joinLists((p) => p.shapes),
    list: joinTyped(packets.map((p) => p.list), (n) => new Int32Array(n)),
    values: joinLists((p) => p.values),
    needs: joinLists((p) => p.needs),
  };
}
