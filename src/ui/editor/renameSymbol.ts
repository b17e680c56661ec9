import { StateEffect, StateField } from '@codemirror/state';
import type { Extension, Text } from '@codemirror/state';
import { EditorView, keymap, showTooltip } from '@codemirror/view';
import type { Tooltip } from '@codemirror/view';
import type { LanguageApi, RenamePlan } from '../../worker/protocol.ts';

type RenameLanguage = Pick<LanguageApi, 'rename'>;
type Open = { doc: Text; plan: Extract<RenamePlan, { ok: true }> } | { doc: Text; reason: string; pos: number };

const setRename = StateEffect.define<Open | null>();

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * F2 renames the step, event or variable at the cursor everywhere in the file, in one undoable edit;
 * the graph follows as it follows any edit. The new name is typed in a small box at the name.
 */
export function renameSymbol(language: RenameLanguage): Extension {
  const field = StateField.define<Open | null>({
    create: () => null,
    update(value, tr) {
      for (const effect of tr.effects) if (effect.is(setRename)) return effect.value;
      // Any edit made elsewhere invalidates the planned locations.
      return tr.docChanged ? null : value;
    },
    provide: (f) => showTooltip.from(f, (value): Tooltip | null => (value ? tooltip(value) : null)),
  });

  const start = (view: EditorView) => {
    const doc = view.state.doc;
    const pos = view.state.selection.main.head;
    void language.rename(doc.toString(), pos).then((plan) => {
      if (view.state.doc !== doc) return;
      view.dispatch({ effects: setRename.of(plan.ok ? { doc, plan } : { doc, reason: plan.reason, pos }) });
    });
    return true;
  };
  return [field, keymap.of([{ key: 'F2', run: start }])];
}

function tooltip(open: Open): Tooltip {
  if (!('plan' in open)) {
    return {
      pos: open.pos,
      above: true,
      create: (view) => {
        const dom = document.createElement('div');
        dom.className = 'cm-rename';
        dom.setAttribute('role', 'alert');
        dom.textContent = `Cannot rename here: ${open.reason}`;
        const close = () => view.dispatch({ effects: setRename.of(null) });
        setTimeout(close, 2_500);
        return { dom };
      },
    };
  }
  const { plan } = open;
  return {
    pos: plan.from,
    above: true,
    create: (view) => {
      const dom = document.createElement('form');
      dom.className = 'cm-rename';
      const label = document.createElement('label');
      label.textContent = `Rename ${plan.name} (${plan.locations.length} ${plan.locations.length === 1 ? 'place' : 'places'})`;
      const input = document.createElement('input');
      input.value = plan.name;
      input.spellcheck = false;
      input.setAttribute('aria-label', `New name for ${plan.name}`);
      label.append(input);
      const message = document.createElement('span');
      message.className = 'cm-rename-message';
      message.setAttribute('role', 'status');
      dom.append(label, message);
      const close = () => {
        view.dispatch({ effects: setRename.of(null) });
        view.focus();
      };
      dom.addEventListener('submit', (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (!IDENTIFIER.test(name)) {
          message.textContent = 'A name is letters, digits, _ or $, and does not start with a digit.';
          return;
        }
        if (view.state.doc !== open.doc) return close();
        view.dispatch({
          changes: plan.locations.map((l) => ({ from: l.start, to: l.end, insert: name })),
          effects: setRename.of(null),
          userEvent: 'rename',
        });
        view.focus();
      });
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      });
      input.addEventListener('blur', () => setTimeout(() => dom.isConnected && close(), 0));
      return {
        dom,
        mount: () => {
          input.focus();
          input.select();
        },
      };
    },
  };
}
