/**
 * Names in check messages as the language being shown writes them. The chapters name steps, methods
 * and options as the TypeScript examples do (`stepTwo`, `collectEvents`, `numWorkers`); a learner
 * reading Python wrote `step_two`, `collect_events` and `num_workers`, and a message that names the
 * other language's spelling sends them looking for code that is not on their screen.
 */
import type { TutorialLang } from './languages.ts';
import { snakeNames } from './prose.ts';

/** `camelCase` as written in `lang`: unchanged in TypeScript, `snake_case` in Python. */
export function codeName(lang: TutorialLang, camel: string): string {
  return lang === 'python' ? snakeNames(camel) : camel;
}

/** Code that differs between the languages by more than spelling: the TypeScript text, or the Python one. */
export function inLang(lang: TutorialLang, typescript: string, python: string): string {
  return lang === 'python' ? python : typescript;
}
