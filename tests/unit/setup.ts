// Node hosts give the engine AsyncLocalStorage so that `sleep`, `random` and console output inside a
// step are attributed to the right run even when several runs interleave in one test file.
import { installNodeScope } from '../../src/node/installNodeScope.ts';

installNodeScope();
