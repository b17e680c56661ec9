export { createThemeController } from './themeController.ts';
export type { ThemeController } from './themeController.ts';
export { ThemeButton, ThemeContext } from './ThemeButton.tsx';
export { documentTheme, useDocumentTheme } from './useDocumentTheme.ts';
export type { Theme, ThemePreference } from './themePreference.ts';
