/** Asks for one animation frame for every callback queued before it comes. */
export interface SharedFrames {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

/**
 * The page's store updates of one frame in one animation-frame callback. The playback clock and the
 * records of a live run that wait to be announced each used a `requestAnimationFrame` of their own,
 * and React renders what a store change asks for at the end of each callback: while a run records,
 * every frame was two renders of the page instead of one. Callbacks run in the order they were
 * queued; one that throws does not keep the others from running (its error is reported afterwards).
 */
export function sharedFrames(requestFrame: (callback: (time: number) => void) => unknown): SharedFrames {
  let queued = new Map<number, (time: number) => void>();
  let nextHandle = 1;
  let asked = false;
  const run = (time: number) => {
    asked = false;
    const due = queued;
    queued = new Map();
    for (const callback of due.values()) {
      try {
        callback(time);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  };
  return {
    request(callback) {
      const handle = nextHandle++;
      queued.set(handle, callback);
      if (!asked) {
        asked = true;
        requestFrame(run);
      }
      return handle;
    },
    cancel(handle) {
      queued.delete(handle);
    },
  };
}
