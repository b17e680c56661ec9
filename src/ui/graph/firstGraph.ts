/**
 * When the page has first drawn a graph. The embed holds its editor and its language worker (over a
 * megabyte of script between them) until then, so that a docs page's reader gets the graph first.
 */
let markDrawn: () => void = () => undefined;
const drawn = new Promise<void>((resolve) => {
  markDrawn = resolve;
});

/** Called by the graph view once a laid-out graph is on screen. */
export function graphDrawn(): void {
  markDrawn();
}

/** Resolves once a graph has been drawn, or after `atMostMs` (a graph that never comes must not hold the rest back). */
export function whenGraphDrawn(atMostMs: number): Promise<void> {
  return Promise.race([drawn, new Promise<void>((resolve) => setTimeout(resolve, atMostMs))]);
}
