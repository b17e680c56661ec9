import { useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { selectItem } from '../../state/index.ts';
import { recordBySeq } from '../inspect/useTraceIndex.ts';
import { usePlayground } from '../playground.ts';
import { LineHeights, drawnText } from './lineWindow.ts';
import '../safety/safety.css';

/** The list's type (styles.css `.console-lines`): 12.5px monospace at line-height 1.5, rows padded 1px. */
const ROW_HEIGHT = 18.75;
const LINE_PADDING = 2;
const CHAR_WIDTH = 7.5;
/** What a line's time and step take before its text starts (px), and the list's side padding. */
const TEXT_INSET = 150;
/** Lines drawn beyond the viewport on each side (px), so a quick scroll shows no blank. */
const OVERSCAN = 400;
/** Within this of the bottom the list follows new lines; scrolled further up it stays put. */
const FOLLOW_SLACK = 4;

/** What the code logged, in order, marked with the step that logged it; only the lines in view are drawn. */
export function ConsolePanel() {
  const { view, run, ui } = usePlayground();
  // A line logged by a step opens the invocation that logged it in the inspector.
  const inspect = (seq: number) => {
    const record = recordBySeq(run.getState().trace, seq);
    const invocation = record && 'invocation' in record ? record.invocation : null;
    if (typeof invocation === 'number') selectItem(ui, { kind: 'invocation', id: invocation });
  };
  const lines = useStore(view, (s) => s.view.console.lines);
  const count = useStore(view, (s) => s.view.console.count);
  const finished = useStore(view, (s) => s.view.finished !== null);
  // A run on screen (recording, playing or loaded) that has logged nothing yet is not "no run".
  const hasRun = useStore(run, (s) => s.length > 0);
  const list = useRef<HTMLOListElement>(null);
  const heights = useRef(new LineHeights(ROW_HEIGHT, LINE_PADDING)).current;
  const follow = useRef(true);
  const [box, setBox] = useState({ top: 0, height: 400, width: 600 });

  // What part of the list is on screen: its own scroll position, or, in a layout where the list grows
  // with its lines and the page scrolls instead (narrow windows), the part of it inside the window.
  const measure = () => {
    const el = list.current;
    if (!el) return;
    let next: { top: number; height: number; width: number };
    if (el.scrollHeight > el.clientHeight + 1) {
      next = { top: el.scrollTop, height: el.clientHeight, width: el.clientWidth };
    } else {
      const rect = el.getBoundingClientRect();
      const visible = Math.max(0, Math.min(window.innerHeight, rect.bottom) - Math.max(0, rect.top));
      next = { top: Math.max(0, -rect.top), height: visible, width: el.clientWidth };
    }
    setBox((b) => (b.top === next.top && b.height === next.height && b.width === next.width ? b : next));
  };

  useLayoutEffect(() => {
    const el = list.current;
    if (!el) return undefined;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    window.addEventListener('scroll', measure, { passive: true, capture: true });
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
    };
  }, []);

  heights.update(lines, count, (box.width - TEXT_INSET) / CHAR_WIDTH);
  const shown = heights.window(box.top, box.height, OVERSCAN);

  // New lines scroll into view while the list is at its bottom; a reader scrolled up is left reading.
  useLayoutEffect(() => {
    const el = list.current;
    if (el && follow.current && el.scrollTop + el.clientHeight < el.scrollHeight - FOLLOW_SLACK) {
      el.scrollTop = el.scrollHeight;
      measure();
    }
  }, [count, lines, shown.from, shown.to]);

  const onScroll = () => {
    const el = list.current;
    if (!el) return;
    follow.current = el.scrollTop + el.clientHeight >= el.scrollHeight - FOLLOW_SLACK;
    measure();
  };

  const rows = [];
  for (let i = shown.from; i < shown.to; i++) {
    const line = lines[i]!;
    rows.push(
      <li
        key={i}
        aria-posinset={i + 1}
        aria-setsize={count}
        className={`console-line level-${line.level}${line.step ? ' selectable' : ''}${line.fromPage ? ' page-note' : ''}`}
        data-step={line.step ?? ''}
        data-source={line.fromPage ? 'page' : 'run'}
        onClick={line.step ? () => inspect(line.seq) : undefined}
      >
        <span className="console-time">{(line.t / 1000).toFixed(2)}s</span>
        {line.fromPage ? (
          <span className="console-from-page" title="A note from Flowplay itself, not printed by the code">Flowplay</span>
        ) : line.step ? (
          <span className="console-step">{line.step}</span>
        ) : (
          <span className="console-step none">run</span>
        )}
        <span className="console-text">{drawnText(line.text)}</span>
      </li>,
    );
  }

  return (
    <section className="console" data-testid="console" aria-label="Console">
      <header className="panel-title">
        <span>Console</span>
        <span className="badge">{count === 1 ? '1 line' : `${count.toLocaleString('en')} lines`}</span>
      </header>
      <ol ref={list} className="console-lines" onScroll={onScroll} data-drawn={shown.to - shown.from}>
        {count === 0 ? <li className="console-empty">{finished ? 'This run logged nothing.' : hasRun ? 'Nothing logged yet at this moment.' : 'Run the workflow to see what it logs.'}</li> : null}
        {shown.before > 0 ? <li className="console-spacer" aria-hidden="true" style={{ height: shown.before }} /> : null}
        {rows}
        {shown.after > 0 ? <li className="console-spacer" aria-hidden="true" style={{ height: shown.after }} /> : null}
      </ol>
    </section>
  );
}
