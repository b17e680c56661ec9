/** The second half of the chapters in Python (see pythonChapterRuns.ts for why the chapters are split). */
import { IN_PYTHON, describePythonChapters } from './pythonChapterRuns.ts';

describePythonChapters(IN_PYTHON.slice(Math.ceil(IN_PYTHON.length / 2)));
