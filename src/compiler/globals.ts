/**
 * The few host globals user code and the engine's declarations use. Declared here instead of loading
 * `lib.dom.d.ts` / `lib.webworker.d.ts`, which are many times larger than everything else the type
 * check reads: a small global scope keeps each check fast enough to follow typing.
 */
export const GLOBALS_FILE_NAME = 'flowplay-globals.d.ts';

export const GLOBALS_DECLARATIONS = `
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  table(data: any, columns?: string[]): void;
  assert(condition?: boolean, ...data: any[]): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
interface Performance { now(): number; }
declare var performance: Performance;
interface Event { readonly type: string; }
interface EventListenerObject { handleEvent(event: Event): void; }
type EventListenerOrEventListenerObject = ((event: Event) => void) | EventListenerObject;
interface AddEventListenerOptions { once?: boolean; passive?: boolean; signal?: AbortSignal; }
interface EventTarget {
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | { capture?: boolean }): void;
  dispatchEvent(event: Event): boolean;
}
interface AbortSignal extends EventTarget {
  readonly aborted: boolean;
  readonly reason: any;
  onabort: ((this: AbortSignal, ev: Event) => any) | null;
  throwIfAborted(): void;
}
declare var AbortSignal: {
  prototype: AbortSignal;
  abort(reason?: any): AbortSignal;
  timeout(milliseconds: number): AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};
interface AbortController { readonly signal: AbortSignal; abort(reason?: any): void; }
declare var AbortController: { prototype: AbortController; new (): AbortController };
interface DOMException extends Error { readonly code: number; }
declare var DOMException: { prototype: DOMException; new (message?: string, name?: string): DOMException };
`;

/** Used when the host gave no `flowplay` declarations: imports resolve, to \`any\`. */
export const FLOWPLAY_FALLBACK_DECLARATIONS = `declare module "flowplay";\n`;
