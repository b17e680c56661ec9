/**
 * The tutorial's Markdown-ish text as data: paragraphs, `-` lists, fenced code blocks, and inline
 * `code` and **bold**. The panel renders these as React elements, so no text ever reaches innerHTML
 * (chapter text is ours, but exercise results quote user code and payloads in the same renderer).
 */

export type Inline = { kind: 'text' | 'code' | 'bold'; text: string };

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'code'; text: string };

export function parseChapterText(text: string): Block[] {
  const blocks: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    if (list !== null) blocks.push({ kind: 'list', items: list.map(parseInline) });
    paragraph = [];
    list = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith('```')) {
      flush();
      const code: string[] = [];
      // An unclosed fence runs to the end of the text rather than swallowing nothing.
      for (i++; i < lines.length && !lines[i]!.trim().startsWith('```'); i++) code.push(lines[i]!);
      blocks.push({ kind: 'code', text: code.join('\n') });
    } else if (trimmed === '') {
      flush();
    } else if (/^[-*] /.test(trimmed)) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(trimmed.slice(2));
    } else if (list !== null && /^\s+/.test(line)) {
      // An indented line continues the list item above it.
      list[list.length - 1] += ` ${trimmed}`;
    } else {
      if (list !== null) flush();
      paragraph.push(trimmed);
    }
  }
  flush();
  return blocks;
}

/** Inline `code` and **bold**; anything unmatched stays plain text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push(match[1] !== undefined ? { kind: 'code', text: match[1] } : { kind: 'bold', text: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}
