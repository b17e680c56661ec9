/**
 * `flowplay-embed.js`: the one script a docs page adds to embed workflows.
 *
 *   <script src="https://example.org/tools/flowplay/flowplay-embed.js"></script>
 *   <flowplay-embed theme="dark" tab="console">
 *     <script type="text/plain">import { Workflow, step, … } from "flowplay"; …</script>
 *   </flowplay-embed>
 *   <flowplay-embed src="https://example.org/tools/flowplay/#v1.…"></flowplay-embed>
 *
 * The element makes an iframe of the embed view beside this script (same deployment), sized to what
 * the embed reports, and re-dispatches the embed's messages as DOM events (`flowplay-ready`,
 * `flowplay-run-started`, `flowplay-run-finished`, `flowplay-resize`, with the message as `detail`).
 * Messages are taken only from its own frame, from the embed's origin, in the shape of
 * `embedProtocol.ts`. Served from its own origin, the frame cannot reach the page's DOM or storage,
 * nor the page its.
 */
import { encodeShare } from '../share/shareLink.ts';
import { embedSearch, parseTheme } from './embedOptions.ts';
import type { EmbedOptions, EmbedPane } from './embedOptions.ts';
import { parseEmbedMessage } from './embedProtocol.ts';
import type { EmbedMessage, HostMessage } from './embedProtocol.ts';

/** Where this script came from: the embed view is its neighbour. */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI;
const DEFAULT_HEIGHT = 420;
let counter = 0;

/** The iframe's address for a link (`…/#v1.…`, `…/embed.html?…#v1.…`) or inline code, with the element's options. */
export function embedUrl(base: string, link: string | null, code: string | null, options: Partial<EmbedOptions>, seed: number | undefined): string {
  let hash = '';
  let embedBase = new URL('embed.html', base);
  if (link !== null) {
    const url = new URL(link, document.baseURI);
    hash = url.hash;
    // A playground link names its deployment: the embed comes from the same place.
    embedBase = url.pathname.endsWith('/embed.html') || url.pathname.endsWith('/embed') ? new URL(url.pathname, url) : new URL('embed.html', url);
  } else if (code !== null) {
    hash = encodeShare({ code, ...(seed !== undefined ? { seed } : {}) });
  }
  return `${embedBase.href}${embedSearch(options)}${hash}`;
}

/** Inline code: a `<script type="text/plain">` child (read as written), else the text of a `<pre>`. */
function inlineCode(element: HTMLElement): string | null {
  const script = element.querySelector('script[type="text/plain"]');
  if (script) return dedent(script.textContent ?? '');
  const pre = element.querySelector('pre');
  return pre ? dedent(pre.textContent ?? '') : null;
}

function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n') + '\n';
}

class FlowplayEmbedElement extends HTMLElement {
  static observedAttributes = ['theme'];
  private frame: HTMLIFrameElement | null = null;
  private origin = '';
  private readonly embedId = `fp${++counter}`;
  private readonly onMessage = (event: MessageEvent) => this.receive(event);

  connectedCallback(): void {
    // Defined before the page is parsed (a script in <head>), the element is connected before its
    // inline code is: wait for the rest of the document.
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.isConnected && this.build(), { once: true });
      return;
    }
    this.build();
  }

  private build(): void {
    if (this.frame) return;
    const panes = this.getAttribute('panes')?.split(',').map((p) => p.trim()) as EmbedPane[] | undefined;
    const seedText = this.getAttribute('seed');
    const seed = seedText !== null && /^-?\d+$/.test(seedText) ? Number(seedText) : undefined;
    const code = inlineCode(this);
    const src = this.getAttribute('src');
    const options: Partial<EmbedOptions> = {
      editable: this.hasAttribute('editable'),
      ...(panes ? { panes } : {}),
      ...(this.getAttribute('tab') === 'console' ? { tab: 'console' as const } : {}),
      theme: parseTheme(this.getAttribute('theme')),
      id: this.embedId,
    };
    const url = embedUrl(scriptUrl, src, src === null ? code : null, options, seed);
    this.origin = new URL(url).origin;

    const frame = document.createElement('iframe');
    // No sandbox attribute: the embed needs its own origin to load its scripts and workers
    // (allow-scripts + allow-same-origin, which would add nothing against the page but a warning in
    // its console). The origin boundary keeps page and embed apart; the code a reader runs stays in the
    // embed's own sandboxed runner frame, as on the playground.
    frame.setAttribute('loading', 'lazy');
    frame.title = this.getAttribute('title') ?? 'Flowplay workflow';
    frame.src = url;
    frame.style.cssText = `display:block;width:100%;border:0;height:${Number(this.getAttribute('height')) || DEFAULT_HEIGHT}px`;
    window.addEventListener('message', this.onMessage);
    // The inline code stays in the page (for search and for readers without scripts) but hidden.
    for (const child of Array.from(this.children)) if (child instanceof HTMLElement) child.hidden = true;
    this.append(frame);
    this.frame = frame;
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.onMessage);
    this.frame?.remove();
    this.frame = null;
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name !== 'theme' || !this.frame?.contentWindow) return;
    const message: HostMessage = { source: 'flowplay-host', version: 1, type: 'set-theme', theme: parseTheme(value) };
    this.frame.contentWindow.postMessage(message, this.origin);
  }

  private receive(event: MessageEvent): void {
    if (!this.frame || event.source !== this.frame.contentWindow || event.origin !== this.origin) return;
    const message = parseEmbedMessage(event.data);
    if (!message || message.id !== this.embedId) return;
    if (message.type === 'resize') this.frame.style.height = `${Math.max(120, message.height)}px`;
    this.dispatchEvent(new CustomEvent<EmbedMessage>(`flowplay-${message.type}`, { detail: message }));
  }
}

if (!customElements.get('flowplay-embed')) customElements.define('flowplay-embed', FlowplayEmbedElement);
