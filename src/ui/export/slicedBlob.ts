/** How long the page writes before it lets a frame and the user's input through. */
const SLICE_MS = 12;

/**
 * Gives the page back to the browser for a moment. A timeout, not `scheduler.yield()`: a yielded
 * task resumes ahead of rendering, and the page drew 16 frames a second while a big run was written
 * that way, against 55 this way (the file takes 0.85 s instead of 0.7).
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * A file's text as a Blob, made from `parts` a slice of time at a time with the page let go between
 * slices: a run of 100,000 events is tens of megabytes of JSON (`runFileParts`, `traceJsonParts`),
 * which written in one go held the page for more than a second. The parts should be small (a few
 * hundred records each), so that none takes a slice's time on its own.
 */
export async function slicedBlob(parts: Iterable<string>, type: string): Promise<Blob> {
  // Each slice's text becomes a Blob of its own as it is written: a Blob made of Blobs is cheap,
  // where making one of all the text at the end encoded the tens of megabytes in one task.
  const blobs: Blob[] = [];
  let slice: string[] = [];
  let since = performance.now();
  for (const part of parts) {
    slice.push(part);
    if (performance.now() - since >= SLICE_MS) {
      blobs.push(new Blob(slice));
      slice = [];
      await yieldToPage();
      since = performance.now();
    }
  }
  blobs.push(new Blob(slice));
  return new Blob(blobs, { type });
}
