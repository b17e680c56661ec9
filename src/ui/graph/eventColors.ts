import type { EventRole } from '../../compiler/model.ts';

/** StartEvent, StopEvent and every other event type each get a colour of their own. */
const START = '#16a34a';
const STOP = '#dc2626';
const PALETTE = ['#2563eb', '#9333ea', '#d97706', '#0891b2', '#db2777', '#4f46e5', '#0d9488', '#c2410c', '#7c3aed', '#0369a1'];

export function eventColor(type: string, role?: EventRole): string {
  if (role === 'start' || type === 'StartEvent') return START;
  if (role === 'stop' || type === 'StopEvent') return STOP;
  let hash = 0;
  for (let i = 0; i < type.length; i++) hash = (hash * 31 + type.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
