/**
 * Reads a JavaScript object literal made only of plain values (strings, numbers, booleans, null,
 * arrays and objects of those), as a `run({...})` call writes its start input, into the JSON value it
 * stands for. Anything the code would compute (a name, a call, a spread, a template with `${}`) is
 * refused: such values cannot move into a JSON box without changing what the run gets.
 */
export type LiteralRead = { ok: true; value: Record<string, unknown> } | { ok: false; reason: string };

class NotPlain extends Error {}

export function readObjectLiteral(text: string): LiteralRead {
  const reader = new Reader(text);
  try {
    reader.space();
    if (reader.done()) return { ok: true, value: {} };
    const value = reader.value();
    reader.space();
    if (!reader.done()) reader.fail('more than one argument');
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the run is started with something other than an object of fields' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    if (error instanceof NotPlain) return { ok: false, reason: error.message };
    throw error;
  }
}

const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const NUMBER = /[+-]?(?:0[xX][\da-fA-F]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?)/y;
const WORDS: Record<string, unknown> = { true: true, false: false, null: null };

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length;
  }

  fail(what: string): never {
    throw new NotPlain(`its input has ${what}, which only the code can work out`);
  }

  space(): void {
    for (;;) {
      const rest = this.text.slice(this.at);
      const skipped = /^(?:\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/)/.exec(rest);
      if (!skipped) return;
      this.at += skipped[0].length;
    }
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  private match(pattern: RegExp): string | null {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.at += found[0].length;
    return found[0];
  }

  value(): unknown {
    const c = this.peek();
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"' || c === "'" || c === '`') return this.string(c);
    const number = this.match(NUMBER);
    if (number !== null) {
      const value = Number(number.replace(/_/g, ''));
      if (!Number.isFinite(value)) this.fail('a number JSON cannot hold');
      return value;
    }
    const word = this.match(IDENTIFIER);
    if (word !== null && word in WORDS) return WORDS[word];
    this.fail(word === null ? 'an expression' : `a name (${word})`);
  }

  private object(): Record<string, unknown> {
    this.at++;
    const out: Record<string, unknown> = {};
    for (;;) {
      this.space();
      if (this.peek() === '}') {
        this.at++;
        return out;
      }
      const c = this.peek();
      const key = c === '"' || c === "'" ? this.string(c) : (this.match(IDENTIFIER) ?? this.match(/\d+/y));
      if (key === null) this.fail(this.text.startsWith('...', this.at) ? 'a spread (...)' : 'a computed field name');
      this.space();
      if (this.peek() !== ':') this.fail(`a field written by name only (${key})`);
      this.at++;
      this.space();
      // Defined as data, so a field called __proto__ stays a field and sets no prototype.
      Object.defineProperty(out, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.endOfItem('}');
    }
  }

  private array(): unknown[] {
    this.at++;
    const out: unknown[] = [];
    for (;;) {
      this.space();
      if (this.peek() === ']') {
        this.at++;
        return out;
      }
      if (this.text.startsWith('...', this.at)) this.fail('a spread (...)');
      out.push(this.value());
      this.endOfItem(']');
    }
  }

  private endOfItem(close: string): void {
    this.space();
    if (this.peek() === ',') this.at++;
    else if (this.peek() !== close) this.fail('an expression');
  }

  private string(quote: string): string {
    let out = '';
    for (let i = this.at + 1; i < this.text.length; i++) {
      const c = this.text[i]!;
      if (c === quote) {
        this.at = i + 1;
        return out;
      }
      if (quote === '`' && c === '$' && this.text[i + 1] === '{') this.fail('a template with ${…}');
      if (c !== '\\') {
        out += c;
        continue;
      }
      const next = this.text[++i] ?? '';
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };
      if (next in simple) out += simple[next];
      else if (next === 'u' || next === 'x') {
        const hex = next === 'x' ? this.text.slice(i + 1, i + 3) : this.text[i + 1] === '{' ? this.text.slice(i + 2, this.text.indexOf('}', i)) : this.text.slice(i + 1, i + 5);
        const code = /^[\da-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : NaN;
        if (!(code <= 0x10ffff)) this.fail('a broken escape in a string');
        out += String.fromCodePoint(code);
        i += next === 'x' ? 2 : this.text[i + 1] === '{' ? hex.length + 2 : 4;
      } else out += next;
    }
    this.fail('a string that does not end');
  }
}
