import { selectItem, selectionKey } from '../../state/index.ts';
import type { Selection } from '../../state/index.ts';
import { usePlayground } from '../playground.ts';

/** A name in the inspector that selects what it names: an event, an invocation, or every event of a type. */
export function ItemLink({ item, children }: { item: Selection; children: React.ReactNode }) {
  const { ui } = usePlayground();
  return (
    <button type="button" className={`item-link item-${item.kind}`} data-item={selectionKey(item)} onClick={() => selectItem(ui, item)}>
      {children}
    </button>
  );
}
