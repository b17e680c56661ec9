import { useState } from 'react';
import { clampWindow } from '../../inspect/index.ts';
import type { TimeWindow } from '../../inspect/index.ts';

/**
 * The timeline's zoom: the window of workflow time on screen. `null` (the default, and what Fit sets)
 * shows the whole run and keeps following it while it grows; a chosen window stays put.
 */
export function useTimeWindow(span: number): { window: TimeWindow; set: (window: TimeWindow | null) => void } {
  const [chosen, setChosen] = useState<TimeWindow | null>(null);
  const window = chosen ? clampWindow(chosen, span) : { from: 0, to: span };
  return { window, set: (next) => setChosen(next && next.from <= 0 && next.to >= span ? null : next) };
}
