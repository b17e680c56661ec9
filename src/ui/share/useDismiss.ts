import { useEffect } from 'react';
import type { RefObject } from 'react';

/**
 * Closes a popover on Escape or on a press outside `ref`, as menus do. Escape pressed with the focus
 * inside the popover gives it back to the button that opened it (`ref`'s own button child): the
 * popover's controls go with it, and the focus would fall to the page's body.
 */
export function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void): void {
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      const root = ref.current;
      const opener = root?.contains(document.activeElement) ? root.querySelector<HTMLElement>(':scope > button') : null;
      close();
      opener?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [ref, open, close]);
}
