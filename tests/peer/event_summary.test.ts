/**
 * Port of llama-index-workflows/tests/test_event_summary.py: the one-line summaries of events that
 * verbose output prints (`summarize_event`, here `summarizeEvent`). Keyword fields of the Python
 * events are the fields object of ours.
 */
import { describe, expect, it } from 'vitest';
import { Event, StartEvent, StopEvent } from 'flowplay';
import { summarizeEvent } from '../../src/engine/eventSummary.ts';

class RetrievalEvent extends Event<{ query: string; top_k?: number; [extra: string]: unknown }> {}
class CustomStopEvent extends StopEvent<number> {}

const longString = 'a'.repeat(200);
const largeList = Array.from({ length: 20 }, (_, i) => i);
const largeDict = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`key_${i}`, i]));

describe('test_event_summary.py', () => {
  it('test_simple_start_event_with_kwargs', () => {
    expect(summarizeEvent(new StartEvent({ topic: 'Pirates' }))).toBe("StartEvent(topic='Pirates')");
  });

  it('test_stop_event_includes_result', () => {
    const result = summarizeEvent(new StopEvent({ result: 'hello' }));
    expect(result).toContain('result=');
    expect(result).toContain('hello');
    expect(result.startsWith('StopEvent(')).toBe(true);
  });

  it('test_custom_event_with_pydantic_fields', () => {
    const result = summarizeEvent(new RetrievalEvent({ query: 'what is the meaning of life?', top_k: 5 }));
    expect(result.startsWith('RetrievalEvent(')).toBe(true);
    expect(result).toContain('query=');
    expect(result).toContain('top_k=5');
  });

  it('test_long_string_value_truncated', () => {
    const result = summarizeEvent(new StartEvent({ content: longString }));
    expect(result).not.toContain(longString);
    expect(result).toContain('...');
  });

  it('test_large_list_shows_item_count', () => {
    expect(summarizeEvent(new StartEvent({ items: largeList }))).toContain('[20 items]');
  });

  it('test_large_dict_shows_key_count', () => {
    expect(summarizeEvent(new StartEvent({ mapping: largeDict }))).toContain('{15 keys}');
  });

  it('test_overall_output_truncated_to_max_length', () => {
    const ev = new RetrievalEvent({
      query: 'a very long query string that keeps going and going',
      top_k: 10,
      extra_field_1: 'some data',
      extra_field_2: 'more data',
      extra_field_3: 'even more data',
    });
    const result = summarizeEvent(ev, 50);
    expect(result.length).toBeLessThanOrEqual(50);
    expect(result.endsWith('...')).toBe(true);
  });

  it('test_mixed_pydantic_fields_and_data_entries', () => {
    const result = summarizeEvent(new RetrievalEvent({ query: 'hello world', top_k: 3, source: 'wikipedia', page: 7 }));
    expect(result).toContain("query='hello world'");
    expect(result).toContain('top_k=3');
    expect(result).toContain('source=');
    expect(result).toContain('page=');
  });

  it('test_stop_event_subclass_includes_result', () => {
    const result = summarizeEvent(new CustomStopEvent({ result: 42, summary: 'done' }));
    expect(result.startsWith('CustomStopEvent(')).toBe(true);
    expect(result).toContain('result=');
    expect(result).toContain('summary=');
  });

  it('test_stop_event_with_none_result', () => {
    const result = summarizeEvent(new StopEvent());
    expect(result).toBe('StopEvent()');
    expect(result).not.toContain('result=');
  });

  it('test_empty_event', () => {
    expect(summarizeEvent(new StartEvent())).toBe('StartEvent()');
  });

  it('test_small_list_shown_inline', () => {
    const result = summarizeEvent(new StartEvent({ items: [1, 2, 3] }));
    expect(result.includes('[1, 2, 3]') || result.includes('items=')).toBe(true);
    expect(result).toContain('[1, 2, 3]');
  });

  it('test_small_dict_shown_inline', () => {
    expect(summarizeEvent(new StartEvent({ payload: { a: 1 } }))).toContain('payload=');
  });
});
