/** Test helper: an in-memory `KeyValueStorage` that can be told to fail like a browser's. */
import type { KeyValueStorage } from '../../../src/share/index.ts';

export class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  /** When set, every call throws it (e.g. a SecurityError). */
  failAll: Error | null = null;
  /** When set, writes throw it (e.g. a QuotaExceededError). */
  failWrites: Error | null = null;
  /** Characters of keys and values it holds at most, as a browser counts its quota; a write past it throws QuotaExceededError. */
  quota = Infinity;

  getItem(key: string): string | null {
    if (this.failAll) throw this.failAll;
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failAll) throw this.failAll;
    if (this.failWrites) throw this.failWrites;
    let used = key.length + value.length;
    for (const [k, v] of this.data) if (k !== key) used += k.length + v.length;
    if (used > this.quota) throw quotaExceeded();
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    if (this.failAll) throw this.failAll;
    this.data.delete(key);
  }
}

/** Errors as browsers throw them: DOMException with the standard names. */
export const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
export const securityError = () => new DOMException('Access is denied for this document.', 'SecurityError');
