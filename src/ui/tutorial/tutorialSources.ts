/** The tutorial's example, start and solution sources as the page reads them (bundled with `?raw`), in the editor's language. */
import { sourceIn, viteSourceLoader } from '../../tutorial/index.ts';
import type { Chapter, Exercise, TutorialLang, TutorialSource } from '../../tutorial/index.ts';
import type { Opening } from '../../state/draftController.ts';

export const loadTutorialSource = viteSourceLoader();

/** A tutorial source in `lang` when it has that variant, else in TypeScript. */
export function tutorialSource(path: string, lang: TutorialLang): TutorialSource {
  return sourceIn(loadTutorialSource, path, lang);
}

export function chapterExampleOpening(chapter: Chapter, lang: TutorialLang): Opening {
  const source = tutorialSource(chapter.example, lang);
  return { code: source.code, origin: 'chapter', title: chapter.title, chapter: chapter.id, ...langOf(source), ...runSettingsOf(chapter.exampleRun) };
}

export function exerciseOpening(chapter: Chapter, exercise: Exercise, which: 'start' | 'solution', lang: TutorialLang): Opening {
  const title = `${chapter.title}: ${exercise.title}${which === 'solution' ? ' (solution)' : ''}`;
  const source = tutorialSource(exercise[which], lang);
  return { code: source.code, origin: 'chapter', title, chapter: chapter.id, ...langOf(source), ...runSettingsOf(exercise) };
}

function langOf(source: TutorialSource): Pick<Opening, 'lang'> {
  return source.lang === 'python' ? { lang: 'python' } : {};
}

/** The run settings an exercise is checked with; answers are for tests, a person answers in the page. */
function runSettingsOf(settings: { input?: Record<string, unknown>; seed?: number } | undefined): Pick<Opening, 'input' | 'seed'> {
  return { ...(settings?.input ? { input: settings.input } : {}), ...(settings?.seed !== undefined ? { seed: settings.seed } : {}) };
}
