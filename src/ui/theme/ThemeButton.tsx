import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ThemeController } from './themeController.ts';
import { describePreference } from './themePreference.ts';

export const ThemeContext = createContext<ThemeController | null>(null);

/** Light, dark, or the system's: one button that says which, and remembers the choice. */
export function ThemeButton() {
  const controller = useContext(ThemeContext);
  if (!controller) return null;
  return <ThemeToggle controller={controller} />;
}

function ThemeToggle({ controller }: { controller: ThemeController }) {
  const { preference, systemDark, theme } = useStore(controller.store);
  const label = `Theme: ${describePreference(preference, systemDark)}`;
  return (
    <button
      type="button"
      className="btn btn-header btn-icon"
      data-testid="theme-button"
      data-theme-preference={preference}
      aria-label={label}
      title={`${label}. Press to change.`}
      onClick={() => controller.cycle()}
    >
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span>
      {preference === 'system' ? <span className="theme-auto" aria-hidden="true">auto</span> : null}
    </button>
  );
}
