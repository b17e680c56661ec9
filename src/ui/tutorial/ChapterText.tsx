import type { Inline } from './chapterText.ts';
import { parseChapterText, parseInline } from './chapterText.ts';

/** Tutorial text rendered as elements (never as HTML). */
export function ChapterText({ text }: { text: string }) {
  return (
    <div className="chapter-text">
      {parseChapterText(text).map((block, i) =>
        block.kind === 'paragraph' ? (
          <p key={i}>
            <Inlines inlines={block.inlines} />
          </p>
        ) : block.kind === 'list' ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inlines inlines={item} />
              </li>
            ))}
          </ul>
        ) : (
          <pre key={i} className="chapter-code">
            <code>{block.text}</code>
          </pre>
        ),
      )}
    </div>
  );
}

/** One line of text with inline `code` and **bold**. */
export function InlineText({ text }: { text: string }) {
  return <Inlines inlines={parseInline(text)} />;
}

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((part, i) =>
        part.kind === 'code' ? <code key={i}>{part.text}</code> : part.kind === 'bold' ? <strong key={i}>{part.text}</strong> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}
