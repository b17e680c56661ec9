/**
 * Inspecting, replaying and exporting a recorded run, from its trace alone: the timeline, the
 * inspector's answers, the playback cursor, the run file and the exports. Pure data and functions:
 * no DOM, no Node APIs, only types from the engine, the compiler and src/state.
 */
export { TimelineBuilder, RUN_ROW } from './timelineModel.ts';
export type { TimelineBar, TimelineMarker, TimelineRow, MarkerKind } from './timelineModel.ts';
export { TimelineRowAt, timelineAt } from './timelineAt.ts';
export type { TimelineCursor, TimelineView } from './timelineAt.ts';
export { clampWindow, markerRange, markersIn, panWindow, zoomWindow } from './timelineWindow.ts';
export type { TimeWindow } from './timelineWindow.ts';
export { TIMELINE_COLUMNS, timelineEntries, timelineText } from './timelineTable.ts';
export type { TimelineEntry } from './timelineTable.ts';
export { formatDuration, formatMoment, formatWindow } from './timeText.ts';
export { hitTest, laneList } from './hitTest.ts';
export type { LaneRef, TimelineHit } from './hitTest.ts';

export { TraceIndex } from './traceIndex.ts';
export type { EventEntry, InvocationEntry } from './traceIndex.ts';
export { describeEvent, causalChain } from './describeEvent.ts';
export type { EventDescription, EventLink, EventOrigin } from './describeEvent.ts';
export { eventsOfType, listedRange, payloadSummary } from './eventInstances.ts';
export type { EventInstance } from './eventInstances.ts';
export { describeInvocation } from './describeInvocation.ts';
export type { AttemptDescription, InjectedResource, InvocationDescription, InvocationError, InvocationStatus } from './describeInvocation.ts';
export { stateAt } from './stateAt.ts';
export type { RunState, StateObject } from './stateAt.ts';
export { userLocation, pythonLocation, errorLocation, PYTHON_FILE_NAME, WRAPPER_LINE_OFFSET } from './userLocation.ts';
export { validationDiagnostic } from './validationLocation.ts';
export type { UserLocation } from './userLocation.ts';

export {
  seekTime,
  seekCount,
  seekSeq,
  seekWorkflowTime,
  jumpToStart,
  jumpToEnd,
  stepForward,
  stepBackward,
  stepInstant,
  play,
  seqOf,
  workflowTimeOf,
} from './replayCursor.ts';
export type { ReplayCursor, ReplaySchedule, PlayResult } from './replayCursor.ts';

export { createRunFile, runFileParts, serializeRunFile, RUN_FILE_FORMAT, RUN_FILE_VERSION, DEFAULT_RUN_FILE_LIMITS } from './runFile.ts';
export type { RunFile, RunFileLimits } from './runFile.ts';
export { parseRunFile } from './parseRunFile.ts';
export { checkSavedContext, MAX_CONTEXT_CHARS, MAX_CONTEXT_WORK } from './savedRunContext.ts';
export { pendingQuestion } from './pendingQuestion.ts';
export type { PendingQuestion } from './pendingQuestion.ts';
export { readRecordedRun } from './readRecordedRun.ts';
export type { RecordedRun } from './readRecordedRun.ts';
export { compareTraces, canonical, differingFields, differenceLine, differingWords, recordLine, isPause, LISTED, MAX_EDITS } from './compareTraces.ts';
export type { TraceComparison, RecordDifference } from './compareTraces.ts';
export { forkChoices } from './forkChoices.ts';
export type { ForkChoices, ForkableEvent, ForkableAnswer } from './forkChoices.ts';
export type { ParseRunFileResult } from './parseRunFile.ts';

export { graphJsonFile, mermaidFile, traceJsonFile, traceJsonName, traceJsonParts, codeFile, runFileName, svgFile, fileBaseName } from './exportFile.ts';
export type { ExportFile, NodePosition } from './exportFile.ts';
export { graphToSvg } from './graphToSvg.ts';
export { outcomesText, queuedText, queuedTitle } from './stepText.ts';
export type { StepCounts } from './stepText.ts';
export type { GraphSvgOptions, NodeBox, SvgRunState, SvgStepState } from './graphToSvg.ts';
export { defaultEventColor } from './svgStyle.ts';
export { TraceValidator } from './traceValidator.ts';
export type { TraceValidatorOptions } from './traceValidator.ts';
export { ShapeError } from './checkShape.ts';
export { elkGraphOf, layoutFromElk, structureKey, nodeSize, eventWidth, resourceWidth, STEP_SIZE, EVENT_HEIGHT, RESOURCE_HEIGHT, EXTERNAL_SIZE } from './graphLayout.ts';
export { drawnGraph, EXTERNAL_STEP } from './drawnGraph.ts';
export type { GraphLayout, LaidOutNode, Point } from './graphLayout.ts';
export { rankLayout } from './rankLayout.ts';
export { edgeRoute } from './edgeRoute.ts';
export type { EdgeCurve } from './edgeRoute.ts';
