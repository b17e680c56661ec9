export { ErrorBoundary } from './ErrorBoundary.tsx';
export type { RecoveryAction } from './ErrorBoundary.tsx';
export { CodeAsText } from './CodeAsText.tsx';
export { useRestorePrevious } from './useRecoveryActions.ts';
