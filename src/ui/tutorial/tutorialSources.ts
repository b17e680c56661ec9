/** The tutorial's example, start and solution sources as the page reads them (bundled with `?raw`). */
import { viteSourceLoader } from '../../tutorial/index.ts';
import type { Chapter, Exercise } from '../../tutorial/index.ts';
import type { Opening } from '../../state/draftController.ts';

export const loadTutorialSource = viteSourceLoader();

export function chapterExampleOpening(chapter: Chapter): Opening {
  return { code: loadTutorialSource(chapter.example), origin: 'chapter', title: chapter.title, chapter: chapter.id, ...runSettingsOf(chapter.exampleRun) };
}

export function exerciseOpening(chapter: Chapter, exercise: Exercise, which: 'start' | 'solution'): Opening {
  const title = `${chapter.title}: ${exercise.title}${which === 'solution' ? ' (solution)' : ''}`;
  return { code: loadTutorialSource(exercise[which]), origin: 'chapter', title, chapter: chapter.id, ...runSettingsOf(exercise) };
}

/** The run settings an exercise is checked with; answers are for tests, a person answers in the page. */
function runSettingsOf(settings: { input?: Record<string, unknown>; seed?: number } | undefined): Pick<Opening, 'input' | 'seed'> {
  return { ...(settings?.input ? { input: settings.input } : {}), ...(settings?.seed !== undefined ? { seed: settings.seed } : {}) };
}
