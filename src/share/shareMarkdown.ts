/** "Copy as Markdown": the code in a fenced block and the link under it, for issues and chats. */

export interface MarkdownShare {
  code: string;
  /** The full share URL (origin + path + `#v1.…`). */
  url: string;
  title?: string;
  /** The code's language, for the fence's highlighting (TypeScript when absent). */
  lang?: 'typescript' | 'python';
}

export function shareMarkdown({ code, url, title, lang }: MarkdownShare): string {
  // A fence longer than any backtick run in the code, so code containing ``` cannot close it early.
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const heading = title ? `**${escapeInline(title)}**\n\n` : '';
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${heading}${fence}${lang === 'python' ? 'py' : 'ts'}\n${body}${fence}\n\n[Open in Flowplay](${url.replace(/\(/g, '%28').replace(/\)/g, '%29')})\n`;
}

/**
 * A title on one line as plain text wherever the Markdown is rendered: HTML is entity-coded (a
 * title from a link's code could carry a tag), and Markdown's own marks are backslash-escaped.
 */
function escapeInline(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\*_`[\]!#|~]/g, '\\$&');
}
