import '../safety/safety.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { pendingQuestion } from '../../state/pendingQuestion.ts';
import { usePlayground } from '../playground.ts';

/**
 * The run's question (an InputRequiredEvent's `prefix`) and a field to answer it. Shown while the
 * engine waits, which is as soon as the question is published, ahead of the animation.
 */
export function HumanInput() {
  const { run, answer } = usePlayground();
  // Re-read on every appended batch: the trace array itself is appended in place.
  useStore(run, (s) => s.length);
  const trace = useStore(run, (s) => s.trace);
  const engine = useStore(run, (s) => s.engine);
  const question = engine === 'running' ? pendingQuestion(trace) : null;
  const [text, setText] = useState('');
  const [sentFor, setSentFor] = useState<{ trace: unknown; index: number } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const sent = question !== null && sentFor?.trace === trace && sentFor.index === question.index;

  useEffect(() => {
    if (question !== null) field.current?.focus();
  }, [question?.index, trace]);

  if (question === null) return null;
  return (
    <form
      className="human-input nokey"
      data-testid="human-input"
      aria-label="The workflow's code asks you"
      onSubmit={(e) => {
        e.preventDefault();
        if (sent) return;
        setSentFor({ trace, index: question.index });
        setText('');
        void answer(text);
      }}
    >
      {/* The words are the workflow's, not the page's: said so, and quoted, so they cannot pass for Flowplay asking. */}
      <label htmlFor="human-answer" className="human-question">
        <span className="human-badge">The workflow's code asks (these are its words, not Flowplay's)</span>
        {question.prefix.trim() ? (
          <q className="human-asked" data-testid="human-question">{shorten(question.prefix.trim())}</q>
        ) : (
          <span data-testid="human-question">The run asks for input.</span>
        )}
      </label>
      <div className="human-row">
        <input
          id="human-answer"
          ref={field}
          data-testid="human-answer"
          value={text}
          autoComplete="off"
          disabled={sent}
          placeholder="Type your answer"
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" data-testid="human-send" disabled={sent}>
          Answer
        </button>
      </div>
    </form>
  );
}

/** A question is text from the run: long ones are cut so they cannot push the page's own controls away. */
const MAX_QUESTION = 1_000;

function shorten(text: string): string {
  return text.length > MAX_QUESTION ? `${text.slice(0, MAX_QUESTION)}… (${(text.length - MAX_QUESTION).toLocaleString('en-US')} more characters)` : text;
}
