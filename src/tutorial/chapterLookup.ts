/** Finding chapters and exercises by id, and naming them the way progress is stored. */
import { CHAPTERS } from './chapters/index.ts';
import type { Chapter, Exercise } from './model.ts';

export function chapterById(id: string): Chapter | undefined {
  return CHAPTERS.find((chapter) => chapter.id === id);
}

/** `<chapter>/<exercise>`: the key under which progress remembers a passed exercise. */
export function exerciseKey(chapter: Chapter, exercise: Exercise): string {
  return `${chapter.id}/${exercise.id}`;
}

export function exerciseByKey(key: string): { chapter: Chapter; exercise: Exercise } | undefined {
  const [chapterId, exerciseId] = key.split('/');
  const chapter = chapterById(chapterId ?? '');
  const exercise = chapter?.exercises.find((e) => e.id === exerciseId);
  return chapter && exercise ? { chapter, exercise } : undefined;
}

/** The chapter after `id` in reading order, for a "next chapter" link. */
export function nextChapter(id: string): Chapter | undefined {
  const index = CHAPTERS.findIndex((chapter) => chapter.id === id);
  return index < 0 ? undefined : CHAPTERS[index + 1];
}

/** Every source path the tutorial and the examples menu refer to, once each. */
export function tutorialSourcePaths(extra: readonly string[] = []): string[] {
  const paths = new Set<string>(extra);
  for (const chapter of CHAPTERS) {
    paths.add(chapter.example);
    for (const exercise of chapter.exercises) paths.add(exercise.start).add(exercise.solution);
  }
  return [...paths];
}
