import { describe, expect, test } from 'vitest';
import { shareMarkdown } from '../../../src/share/index.ts';

describe('Copy as Markdown', () => {
  test('a TypeScript code block and the link', () => {
    expect(shareMarkdown({ code: 'const a = 1;', url: 'https://flowplay.dev/#v1.abc' })).toBe(
      '```ts\nconst a = 1;\n```\n\n[Open in Flowplay](https://flowplay.dev/#v1.abc)\n',
    );
  });

  test('code containing a fence gets a longer fence; a title is escaped', () => {
    const md = shareMarkdown({ code: 'const s = "```";\n', url: 'https://x/#v1.a', title: 'My *flow*' });
    expect(md).toBe('**My \\*flow\\***\n\n````ts\nconst s = "```";\n````\n\n[Open in Flowplay](https://x/#v1.a)\n');
  });

  test('parentheses in the URL cannot end the Markdown link early', () => {
    expect(shareMarkdown({ code: 'x', url: 'https://x/a(b)' })).toContain('[Open in Flowplay](https://x/a%28b%29)');
  });

  test('a title carrying HTML or a line break stays one line of text', () => {
    const md = shareMarkdown({ code: 'x', url: 'https://x/#v1.a', title: '<img src=x onerror=alert(1)> & [link](javascript:0)\n# Heading' });
    expect(md.split('\n')[0]).toBe('**&lt;img src=x onerror=alert(1)&gt; &amp; \\[link\\](javascript:0) \\# Heading**');
  });
});
