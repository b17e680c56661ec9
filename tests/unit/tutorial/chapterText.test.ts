import { describe, expect, test } from 'vitest';
import { parseChapterText, parseInline } from '../../../src/ui/tutorial/chapterText.ts';
import { CHAPTERS, chapterTextIn } from '../../../src/tutorial/index.ts';

describe('chapter text', () => {
  test('paragraphs join their lines; blank lines separate them', () => {
    expect(parseChapterText('One\ntwo.\n\nThree.')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'One two.' }] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Three.' }] },
    ]);
  });

  test('inline code and bold; unmatched markers stay text', () => {
    expect(parseInline('Press **Run** and call `ctx.set("a", 1)`, not `this')).toEqual([
      { kind: 'text', text: 'Press ' },
      { kind: 'bold', text: 'Run' },
      { kind: 'text', text: ' and call ' },
      { kind: 'code', text: 'ctx.set("a", 1)' },
      { kind: 'text', text: ', not `this' },
    ]);
  });

  test('a list after a paragraph, with an indented continuation line', () => {
    const blocks = parseChapterText('Two details:\n- first `a`\n  continued\n- second\nAfter.');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(blocks[1]).toEqual({
      kind: 'list',
      items: [
        [{ kind: 'text', text: 'first ' }, { kind: 'code', text: 'a' }, { kind: 'text', text: ' continued' }],
        [{ kind: 'text', text: 'second' }],
      ],
    });
  });

  test('fenced code keeps its lines and indentation verbatim; an unclosed fence runs to the end', () => {
    expect(parseChapterText('Before\n```\nfor (x of y) {\n  go(**x**);\n}\n```\nAfter')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Before' }] },
      { kind: 'code', text: 'for (x of y) {\n  go(**x**);\n}' },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'After' }] },
    ]);
    expect(parseChapterText('```\nopen')).toEqual([{ kind: 'code', text: 'open' }]);
  });

  test('markup never leaks: no chapter shows a raw backtick or ** outside code blocks', () => {
    for (const chapter of CHAPTERS) {
      for (const block of [chapterTextIn(chapter, 'typescript'), chapterTextIn(chapter, 'python')].flatMap(parseChapterText)) {
        const inlines = block.kind === 'paragraph' ? block.inlines : block.kind === 'list' ? block.items.flat() : [];
        for (const part of inlines.filter((p) => p.kind === 'text')) {
          expect(part.text, chapter.id).not.toMatch(/`|\*\*/);
        }
      }
    }
  });
});
