import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { ForkChange } from '../../engine/replay.ts';
import type { JsonValue } from '../../engine/jsonSafe.ts';
import { forkChoices } from '../../inspect/forkChoices.ts';
import { usePlayground } from '../playground.ts';

type What = 'event' | 'answer' | 'state' | 'code';

/**
 * "Fork from here": what to change at the moment the scrubber shows (or for the event of the
 * inspector item it was opened from): the fields of an event about to be delivered, an answer to a
 * question, a state value, or the code. The fork repeats the run up to there, then goes on with the
 * change.
 */
export function ForkEditor({ onClose }: { onClose: () => void }) {
  const { run, view, ui, runs } = usePlayground();
  const length = useStore(run, (s) => s.length);
  const trace = useStore(run, (s) => s.trace);
  const moment = useStore(view, (s) => s.view.cursor);
  const selection = useStore(ui, (s) => s.selection);
  const choices = useMemo(() => forkChoices(trace, moment), [trace, length, moment]);
  const asked = useStore(ui, (s) => s.fork?.event ?? null);
  const wanted = asked ?? (selection?.kind === 'event' ? selection.id : null);
  const selected = wanted !== null && choices.events.some((e) => e.event === wanted) ? wanted : null;
  const [what, setWhat] = useState<What>(choices.nextAnswer !== null && choices.nextEvent === null ? 'answer' : 'event');
  const [eventId, setEventId] = useState<number | null>(selected ?? choices.nextEvent ?? choices.events[0]?.event ?? null);
  const [answerNo, setAnswerNo] = useState<number | null>(choices.nextAnswer ?? choices.answers[0]?.answer ?? null);
  const event = choices.events.find((e) => e.event === eventId) ?? null;
  const answer = choices.answers.find((a) => a.answer === answerNo) ?? null;
  const [fieldsText, setFieldsText] = useState(() => JSON.stringify(event?.payload ?? {}, null, 2));
  const [answerText, setAnswerText] = useState(() => responseOf(answer?.value) ?? JSON.stringify(answer?.value ?? {}));
  const [key, setKey] = useState('');
  const [valueText, setValueText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const fork = () => {
    if (what === 'code') {
      onClose();
      runs.beginCodeFork(moment);
      return;
    }
    const made = buildChange(what, { event, answer, fieldsText, answerText, key, valueText, moment });
    if (typeof made === 'string') return setError(made);
    onClose();
    void runs.replay(made.change, made.words);
  };

  return (
    <form className="fork-editor nokey" data-testid="fork-editor" aria-label="Fork the run" onSubmit={(e) => { e.preventDefault(); fork(); }}>
      <div className="fork-row">
        <strong>Fork from record {moment}</strong>
        <label>
          Change{' '}
          <select data-testid="fork-what" value={what} onChange={(e) => { setWhat(e.target.value as What); setError(null); }}>
            <option value="event" disabled={choices.events.length === 0}>the fields of an event</option>
            <option value="answer" disabled={choices.answers.length === 0}>an answer sent in</option>
            <option value="state">a state value</option>
            <option value="code">the code (edit, then continue)</option>
          </select>
        </label>
      </div>
      {what === 'event' ? (
        <>
          <select data-testid="fork-event" aria-label="Event" value={eventId ?? ''} onChange={(e) => {
            const next = choices.events.find((x) => x.event === Number(e.target.value));
            setEventId(next?.event ?? null);
            setFieldsText(JSON.stringify(next?.payload ?? {}, null, 2));
          }}>
            {choices.events.map((e) => (
              <option key={e.event} value={e.event}>{`${e.type} #${e.ordinal} (event ${e.event}, record ${e.seq}) → ${e.to.join(', ')}${e.event === choices.nextEvent ? ' · next' : ''}`}</option>
            ))}
          </select>
          <textarea data-testid="fork-fields" aria-label="Its fields (JSON)" rows={4} value={fieldsText} onChange={(e) => setFieldsText(e.target.value)} />
        </>
      ) : what === 'answer' ? (
        <>
          <select data-testid="fork-answer-pick" aria-label="Answer" value={answerNo ?? ''} onChange={(e) => {
            const next = choices.answers.find((a) => a.answer === Number(e.target.value));
            setAnswerNo(next?.answer ?? null);
            setAnswerText(responseOf(next?.value) ?? JSON.stringify(next?.value ?? {}));
          }}>
            {choices.answers.map((a) => (
              <option key={a.answer} value={a.answer}>{`${a.question ? `"${a.question.trim()}"` : a.type} answered ${JSON.stringify(responseOf(a.value) ?? a.value)} (record ${a.seq})`}</option>
            ))}
          </select>
          <input data-testid="fork-answer" aria-label="The answer instead" value={answerText} onChange={(e) => setAnswerText(e.target.value)} />
        </>
      ) : what === 'code' ? (
        <p className="fork-code-note" data-testid="fork-code-note">
          Edit the code in the editor, then press <strong>Continue the fork</strong>: the new code runs with this run&apos;s seed, start input and
          inputs up to record {moment}, the page checks those {moment} records one by one against this run (they differ if the code before the
          moment changed what happened), and from there the new code goes its own way.
        </p>
      ) : (
        <div className="fork-row">
          <input data-testid="fork-state-key" aria-label="State key" placeholder="key (a.b for a path)" value={key} onChange={(e) => setKey(e.target.value)} />
          <input data-testid="fork-state-value" aria-label="Value (JSON)" placeholder='value as JSON, e.g. 3 or "text"' value={valueText} onChange={(e) => setValueText(e.target.value)} />
        </div>
      )}
      {error ? <p className="fork-error" role="alert" data-testid="fork-error">{error}</p> : null}
      <div className="fork-row">
        <button type="submit" className="btn-small" data-testid="fork-run">{what === 'code' ? 'Edit the code' : 'Fork'}</button>
        <button type="button" className="btn-small" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}

interface Draft {
  event: ReturnType<typeof forkChoices>['events'][number] | null;
  answer: ReturnType<typeof forkChoices>['answers'][number] | null;
  fieldsText: string;
  answerText: string;
  key: string;
  valueText: string;
  moment: number;
}

/** The change the form describes, with words for the history, or what is wrong with it. */
function buildChange(what: Exclude<What, 'code'>, d: Draft): { change: ForkChange; words: string } | string {
  if (what === 'event') {
    if (!d.event) return 'Choose an event to change.';
    const fields = parseJson(d.fieldsText);
    if (fields === undefined || fields === null || typeof fields !== 'object' || Array.isArray(fields)) return 'The fields must be a JSON object, e.g. {"query": "Query 9"}.';
    return { change: { change: 'fields', event: d.event.event, fields }, words: `${d.event.type} #${d.event.ordinal} gets ${short(fields)}` };
  }
  if (what === 'answer') {
    if (!d.answer) return 'Choose an answer to change.';
    const original = d.answer.value;
    const isResponse = responseOf(original) !== null;
    const fields = isResponse ? { ...(original as Record<string, JsonValue>), response: d.answerText } : parseJson(d.answerText);
    if (fields === undefined) return 'The event sent in must be JSON fields.';
    return { change: { change: 'answer', answer: d.answer.answer, fields }, words: `answer ${d.answer.answer + 1} is ${short(isResponse ? d.answerText : fields)}` };
  }
  const key = d.key.trim();
  if (!key || key.split('.').some((p) => p === '')) return 'Name the state key to set (a.b for a path).';
  const value = parseJson(d.valueText);
  if (value === undefined) return 'The value must be JSON: 3, "text", [1, 2], {"a": 1}.';
  return { change: { change: 'state', at: d.moment, key, value }, words: `state ${key} = ${short(value)}` };
}

function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}

function responseOf(value: JsonValue | undefined): string | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && typeof value.response === 'string' ? value.response : null;
}

function short(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
