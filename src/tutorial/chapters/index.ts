/** The chapters in reading order. */
import type { Chapter } from '../model.ts';
import { branchesAndLoops } from './branchesAndLoops.ts';
import { collectDifferentTypes } from './collectDifferentTypes.ts';
import { collectOneType } from './collectOneType.ts';
import { concurrency } from './concurrency.ts';
import { fanOutFanIn } from './fanOutFanIn.ts';
import { firstWorkflow } from './firstWorkflow.ts';
import { humanInTheLoop } from './humanInTheLoop.ts';
import { mapReduce } from './mapReduce.ts';
import { resources } from './resources.ts';
import { resumingARun } from './resumingARun.ts';
import { retriesAndErrorSteps } from './retriesAndErrorSteps.ts';
import { state } from './state.ts';
import { streaming } from './streaming.ts';
import { typedState } from './typedState.ts';
import { timeTravel } from './timeTravel.ts';
import { whenThingsGoWrong } from './whenThingsGoWrong.ts';

export const CHAPTERS: readonly Chapter[] = [
  firstWorkflow,
  branchesAndLoops,
  state,
  streaming,
  concurrency,
  collectOneType,
  collectDifferentTypes,
  mapReduce,
  fanOutFanIn,
  humanInTheLoop,
  whenThingsGoWrong,
  retriesAndErrorSteps,
  typedState,
  resources,
  resumingARun,
  timeTravel,
];
