import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Every piece of text on the page below 4.5:1, as "where: text (fg on bg = ratio)" lines. Two checks:
 * axe-core's rule, and our own measure of each text element's computed colour against the
 * backgrounds painted behind it (its own and its ancestors', with transparency and opacity), which
 * also covers what axe leaves undecided (text over the graph's canvas, text in overlays). Disabled
 * controls are exempt, as WCAG exempts them.
 */
export async function lowContrast(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
  const fromAxe = axe.violations.flatMap((violation) =>
    violation.nodes.map((node) => {
      const data = (node.any[0]?.data ?? {}) as { fgColor?: string; bgColor?: string; contrastRatio?: number };
      return `axe ${node.target.join(' ')} (${data.fgColor} on ${data.bgColor} = ${data.contrastRatio})`;
    }),
  );
  const measured = await page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const probe = document.createElement('canvas').getContext('2d')!;
    // The canvas turns any CSS colour the browser computes (rgb(), color(srgb …), color-mix results) into sRGB bytes.
    const parse = (css: string): RGBA => {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: number) => (top[i]! * top[3] + under[i]! * under[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: RGBA) => {
      const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (l1! + 0.05) / (l2! + 0.05);
    };
    const hex = (c: RGBA) => `#${c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const where = (el: Element) => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid');
      return `${id ? `[${id}] ` : ''}${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    };
    const found: string[] = [];
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('svg, .sr-only, :disabled, [aria-disabled="true"], option')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > innerHeight || box.right < 0 || box.left > innerWidth) continue;
      const style = getComputedStyle(el);
      if (style.visibility !== 'visible') continue;
      // Backgrounds from the element up to the page, and the opacity the text is drawn with.
      let opacity = 1;
      const layers: RGBA[] = [];
      let gradient = false;
      for (let at: Element | null = el; at; at = at.parentElement) {
        const s = getComputedStyle(at);
        opacity *= Number(s.opacity);
        if (s.backgroundImage !== 'none') gradient = true;
        const bg = parse(s.backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      if (gradient || opacity === 0) continue;
      let background: RGBA = [255, 255, 255, 1];
      for (const layer of layers.reverse()) background = over(layer, background);
      const fg = parse(style.color);
      const shown = over([fg[0], fg[1], fg[2], fg[3] * opacity], background);
      const value = ratio(shown, background);
      if (value >= 4.5) continue;
      const line = `${where(el)}: "${text.slice(0, 30)}" (${hex(shown)} on ${hex(background)} = ${value.toFixed(2)})`;
      const key = `${where(el)}${hex(shown)}${hex(background)}`;
      if (!seen.has(key)) found.push(line);
      seen.add(key);
    }
    return found;
  });
  return [...fromAxe, ...measured];
}
