import { selectItem } from '../../state/index.ts';
import type { Selection } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/** A name in the inspector that selects what it names: an event or an invocation. */
export function ItemLink({ item, children }: { item: Selection; children: React.ReactNode }) {
  const { ui } = usePlayground();
  return (
    <button type="button" className={`item-link item-${item.kind}`} data-item={`${item.kind}:${item.id}`} onClick={() => selectItem(ui, item)}>
      {children}
    </button>
  );
}
