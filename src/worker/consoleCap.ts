/** Console output one run may send to the page; beyond it lines are counted, not sent. */
export interface ConsoleLimits {
  lines: number;
  /** Characters over all lines. */
  chars: number;
  /** Characters of one line; a longer line is cut and says by how much. */
  lineChars: number;
}

export const DEFAULT_CONSOLE_LIMITS: ConsoleLimits = { lines: 5_000, chars: 1_000_000, lineChars: 10_000 };

/**
 * Decides which console lines of a run reach the page. A `console.log` in a hot loop or of a
 * 100 MB string would otherwise cost the page its memory and the runner its time spent cloning.
 */
export class ConsoleCap {
  private readonly limits: ConsoleLimits;
  private lines = 0;
  private chars = 0;
  private cutLines = 0;
  private cutChars = 0;

  constructor(limits: ConsoleLimits = DEFAULT_CONSOLE_LIMITS) {
    this.limits = limits;
  }

  /**
   * The text to show for the next line, or null to drop it. The first dropped line is replaced by a
   * notice (returned with `notice: true`) so the user knows output stops here and why.
   */
  take(text: string): { text: string; notice: boolean } | null {
    const { lines, chars, lineChars } = this.limits;
    if (this.lines >= lines || this.chars >= chars) {
      const first = this.cutLines === 0;
      this.cutLines++;
      this.cutChars += text.length;
      if (!first) return null;
      return {
        text: `Console limit reached (${lines.toLocaleString('en')} lines or ${chars.toLocaleString('en')} characters per run): later output is not shown.`,
        notice: true,
      };
    }
    let shown = text;
    if (shown.length > lineChars) {
      this.cutChars += shown.length - lineChars;
      shown = `${shown.slice(0, lineChars)}… (${(text.length - lineChars).toLocaleString('en')} more characters cut)`;
    }
    this.lines++;
    this.chars += shown.length;
    return { text: shown, notice: false };
  }

  /** A closing line for a run whose output was cut, or null when nothing was. */
  summary(): string | null {
    if (this.cutLines === 0 && this.cutChars === 0) return null;
    const parts: string[] = [];
    if (this.cutLines > 0) parts.push(`${this.cutLines.toLocaleString('en')} lines`);
    parts.push(`${this.cutChars.toLocaleString('en')} characters`);
    return `Console output cut: ${parts.join(', ')} not shown.`;
  }
}
