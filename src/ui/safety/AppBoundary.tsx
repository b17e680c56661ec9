import type { ReactNode } from 'react';
import { CodeAsText } from './CodeAsText.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useRestorePrevious } from './useRecoveryActions.ts';

/**
 * The last line: if the page itself fails to render, the user still gets their code (as text they
 * can edit and copy), their previous draft one click away, and a reload.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  const restore = useRestorePrevious();
  return (
    <div className="app-boundary">
      <ErrorBoundary
        area="The page"
        id="app"
        reassurance="Your code is below and is still saved as you type."
        actions={[...restore, { label: 'Reload the page', run: () => window.location.reload() }]}
        fallback={<CodeAsText />}
      >
        {children}
      </ErrorBoundary>
    </div>
  );
}
