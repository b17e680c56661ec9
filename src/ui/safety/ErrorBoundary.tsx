import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import './safety.css';

export interface RecoveryAction {
  label: string;
  run(): void;
  testId?: string;
}

interface Props {
  /** What failed, in the user's words: "The graph", "The editor". */
  area: string;
  /** Stable hook for tests: `data-testid="crash-<id>"`. */
  id: string;
  /** Ways back, beside "Try again". */
  actions?: RecoveryAction[];
  /** What the user still has (a sentence), shown under the error. */
  reassurance?: string;
  /** When this changes, a crashed area tries again (e.g. the code changed). */
  resetKey?: unknown;
  /** Shown instead of the area's own content while it is crashed, under the message. */
  fallback?: ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Keeps a failure in one part of the page inside that part. Without it a throw while rendering
 * unmounts the whole page and leaves it blank; with it the part says what broke, the rest keeps
 * working, and the part offers ways back.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey === state.resetKey) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The page's own bug: kept in the browser's console for whoever fixes it.
    console.error(`${this.props.area} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { area, id, actions = [], reassurance, fallback } = this.props;
    return (
      <div className="crash" data-testid={`crash-${id}`} role="alert">
        <div className="crash-message">
          <strong>{`${area} stopped working.`}</strong>
          <span className="crash-reason">{describe(error)}</span>
          {reassurance ? <span>{reassurance}</span> : null}
        </div>
        <div className="crash-actions">
          <button type="button" className="btn btn-small" data-testid={`crash-${id}-retry`} onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          {actions.map((action) => (
            <button key={action.label} type="button" className="btn btn-small" data-testid={action.testId} onClick={action.run}>
              {action.label}
            </button>
          ))}
        </div>
        {fallback}
      </div>
    );
  }
}

/** One line, short: the message of a stack overflow from a hostile graph can be anything. */
function describe(error: Error): string {
  const text = `${error.name}: ${error.message}`;
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
