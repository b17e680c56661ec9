import '../safety/safety.css';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { pendingQuestion } from '../../inspect/pendingQuestion.ts';
import { usePlayground } from '../playground.ts';

/**
 * The run's question (an InputRequiredEvent's `prefix`) and a field to answer it. Shown while the
 * engine waits, which is as soon as the question is published, ahead of the animation. For a saved
 * run loaded with its context, the question it was waiting on: answering resumes it.
 */
export function HumanInput() {
  const { run, answer, runs } = usePlayground();
  // Re-read on every appended batch: the trace array itself is appended in place.
  useStore(run, (s) => s.length);
  const trace = useStore(run, (s) => s.trace);
  const engine = useStore(run, (s) => s.engine);
  const resumable = useStore(run, (s) => (s.origin === 'file' ? s.resumable : null));
  const question = engine === 'running' || resumable ? pendingQuestion(trace) : null;
  const [text, setText] = useState('');
  const [sentFor, setSentFor] = useState<{ trace: unknown; index: number } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const sent = question !== null && sentFor?.trace === trace && sentFor.index === question.index;

  useEffect(() => {
    if (question !== null) field.current?.focus();
  }, [question?.index, trace]);

  if (question === null && resumable) {
    // Saved before it ended, waiting on nothing a person answers: it goes on as it was.
    return (
      <div className="human-input nokey" data-testid="resume-saved">
        <span className="human-question">This saved run had not ended; Resume goes on from its saved context with this code.</span>
        <div className="human-row">
          <button type="button" className="btn btn-primary" data-testid="resume-send" onClick={() => void runs.resumeSaved(null)}>
            Resume
          </button>
        </div>
      </div>
    );
  }
  if (question === null) return null;
  return (
    <form
      className="human-input nokey"
      data-testid={resumable ? 'resume-saved' : 'human-input'}
      aria-label="The workflow's code asks you"
      onSubmit={(e) => {
        e.preventDefault();
        if (sent) return;
        setSentFor({ trace, index: question.index });
        setText('');
        if (resumable) void runs.resumeSaved(text);
        else void answer(text);
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
        <button type="submit" className="btn btn-primary" data-testid={resumable ? 'resume-send' : 'human-send'} disabled={sent}>
          {resumable ? 'Answer and resume' : 'Answer'}
        </button>
      </div>
      {resumable ? <span className="resume-note">Saved while it waited: your answer resumes it from its saved context, with this code.</span> : null}
    </form>
  );
}

/** A question is text from the run: long ones are cut so they cannot push the page's own controls away. */
const MAX_QUESTION = 1_000;

function shorten(text: string): string {
  return text.length > MAX_QUESTION ? `${text.slice(0, MAX_QUESTION)}… (${(text.length - MAX_QUESTION).toLocaleString('en-US')} more characters)` : text;
}
