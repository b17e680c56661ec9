/**
 * What an embed shows, read from its address (`embed.html?theme=dark&tab=console#v1.…`) and written
 * back by the custom element and "Copy embed code". Pure: no DOM. Unknown or bad values fall back to
 * the defaults; an embed never runs by itself, so there is no option that would make it.
 */

export type EmbedPane = 'graph' | 'code' | 'console';
export type EmbedTab = 'code' | 'console';
/** `auto` follows the reader's colour scheme (`prefers-color-scheme`), as the docs page around it usually does. */
export type EmbedTheme = 'light' | 'dark' | 'auto';

export interface EmbedOptions {
  /** Whether the code can be edited in the embed (read-only by default: docs show a fixed example). */
  editable: boolean;
  /** Which panes show; the graph and run controls, the code and the console. */
  panes: readonly EmbedPane[];
  /** Which of the code and the console is open first. */
  tab: EmbedTab;
  theme: EmbedTheme;
  /** Echoed in every message to the host, so a page with several embeds knows which one spoke. */
  id: string;
}

export const DEFAULT_EMBED_OPTIONS: EmbedOptions = { editable: false, panes: ['graph', 'code', 'console'], tab: 'code', theme: 'auto', id: '' };

const PANES: readonly EmbedPane[] = ['graph', 'code', 'console'];

/** Options from a `location.search` string (with or without `?`). */
export function parseEmbedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  const panes = (params.get('panes') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p): p is EmbedPane => (PANES as readonly string[]).includes(p));
  const shown = panes.length > 0 ? PANES.filter((p) => panes.includes(p)) : DEFAULT_EMBED_OPTIONS.panes;
  const tabParam = params.get('tab');
  const wanted: EmbedTab = tabParam === 'console' ? 'console' : tabParam === 'code' ? 'code' : DEFAULT_EMBED_OPTIONS.tab;
  // The first tab must be one that shows.
  const tab: EmbedTab = shown.includes(wanted) ? wanted : shown.includes('code') ? 'code' : 'console';
  const editable = params.get('editable');
  const id = params.get('id') ?? '';
  return {
    editable: editable === '' || editable === '1' || editable === 'true',
    panes: shown,
    tab,
    theme: parseTheme(params.get('theme')),
    id: /^[\w-]{1,64}$/.test(id) ? id : '',
  };
}

/** The query string for `options` (`?…`, or '' when all are defaults), the inverse of `parseEmbedOptions`. */
export function embedSearch(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.editable) params.set('editable', '1');
  if (options.panes && options.panes.length < PANES.length) params.set('panes', options.panes.join(','));
  if (options.tab && options.tab !== DEFAULT_EMBED_OPTIONS.tab) params.set('tab', options.tab);
  if (options.theme && options.theme !== 'auto') params.set('theme', options.theme);
  if (options.id) params.set('id', options.id);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A theme named in an address, an attribute or a message; anything else follows the reader. */
export function parseTheme(value: unknown): EmbedTheme {
  return value === 'light' || value === 'dark' ? value : 'auto';
}
