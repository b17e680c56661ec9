/**
 * The time-travel chapter's checks judge a fork by the trace it leaves: a plain run is told it is no
 * fork, a fork that changes the wrong thing or too little fails with what it did, and the fork the
 * exercise asks for passes, naming the replayed prefix.
 */
import { describe, expect, test } from 'vitest';
import { exerciseByKey } from '../../../src/tutorial/index.ts';
import type { Exercise } from '../../../src/tutorial/index.ts';
import { driveSource, readSrc } from './driveSource.ts';

const REFUND = readSrc('tutorial/examples/time-travel/refund.ts');
const REJECTS = readSrc('tutorial/examples/time-travel/refund-rejects.ts');

async function verdict(key: string, source: string, fork?: Exercise['fork']) {
  const { exercise } = exerciseByKey(key)!;
  const run = await driveSource(source, { seed: 0, ...(fork ? { fork } : {}) });
  return exercise.check(run.trace, run.compiled.graph);
}

describe('fork the refund', () => {
  const key = 'time-travel/fork-the-request';

  test('the starting run is no fork: the check says so and how to make one', async () => {
    expect(await verdict(key, REFUND)).toMatchObject({
      passed: false,
      message: 'This run is not a fork: The run stopped at 1s with result "approved 40 for A-17". Run it, then Fork from here… under the scrubber: change the fields of an event, RefundRequest #1.',
    });
  });

  test('a fork with an amount over 100 is settled by the manager, after the replayed prefix', async () => {
    expect(await verdict(key, REFUND, { type: 'RefundRequest', fields: { order: 'A-17', amount: 250 } })).toMatchObject({
      passed: true,
      message: 'The fork sent a refund of 250; decide escalated it and manager settled it ("a manager approved 250 for A-17"); the 5 records before the change were the original run\'s.',
    });
  });

  test('a fork that stays under the limit, or drops the amount, does not pass', async () => {
    expect(await verdict(key, REFUND, { type: 'RefundRequest', fields: { order: 'A-17', amount: 90 } })).toMatchObject({
      passed: false,
      message: 'The fork gave the RefundRequest an amount of 90, which decide approves by itself: The run stopped at 1s with result "approved 90 for A-17". Try one over 100.',
    });
    expect(await verdict(key, REFUND, { type: 'RefundRequest', fields: { order: 'A-17' } })).toMatchObject({
      passed: false,
      message: 'The fork gave the RefundRequest {"order":"A-17"}, without a number for amount.',
    });
  });

  test('a fork of another event is named as such', async () => {
    expect(await verdict(key, REFUND, { type: 'StopEvent', fields: { result: 'nothing' } })).toMatchObject({
      passed: false,
      message: expect.stringMatching(/^This fork changed the fields of a StopEvent, not the RefundRequest\./),
    });
  });
});

describe('a refund of less than nothing', () => {
  const key = 'time-travel/reject-negative';

  test('the starting code forked with -30 approves it', async () => {
    expect(await verdict(key, REFUND, { type: 'RefundRequest', fields: { order: 'A-17', amount: -30 } })).toMatchObject({
      passed: false,
      message: 'The fork sent -30 and the run ended with "approved -30 for A-17": decide still lets a negative refund through.',
    });
  });

  test('the fixed code forked with -30 rejects it', async () => {
    expect(await verdict(key, REJECTS, { type: 'RefundRequest', fields: { order: 'A-17', amount: -30 } })).toMatchObject({
      passed: true,
      message: 'The fork sent -30 and the run ended "rejected -30 for A-17"; the 5 records before the change were the original run\'s.',
    });
  });

  test('the fixed code without a fork, or forked with a positive amount, is not the check asked for', async () => {
    expect(await verdict(key, REJECTS)).toMatchObject({ passed: false, message: expect.stringMatching(/^This run is not a fork: /) });
    expect(await verdict(key, REJECTS, { type: 'RefundRequest', fields: { order: 'A-17', amount: 30 } })).toMatchObject({
      passed: false,
      message: 'The fork gave the RefundRequest {"order":"A-17","amount":30}: give it a negative amount, such as -30.',
    });
  });
});
