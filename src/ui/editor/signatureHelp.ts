import { Prec, StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { EditorView, keymap, showTooltip, ViewPlugin } from '@codemirror/view';
import type { Tooltip, ViewUpdate } from '@codemirror/view';
import type { LanguageApi, SignatureHelp } from '../../worker/protocol.ts';

type SignatureLanguage = Pick<LanguageApi, 'signatureHelp'>;

const setHelp = StateEffect.define<{ pos: number; help: SignatureHelp } | null>();

const helpField = StateField.define<{ pos: number; help: SignatureHelp } | null>({
  create: () => null,
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setHelp)) return effect.value;
    return value && tr.docChanged ? { ...value, pos: tr.changes.mapPos(value.pos) } : value;
  },
  provide: (field) => showTooltip.from(field, (value): Tooltip | null => (value ? { pos: value.pos, above: true, create: () => ({ dom: render(value.help) }) } : null)),
});

/**
 * Signature help as in the TypeScript playground: typing `(` or `,` in a call shows the callee's
 * parameters with the one being written in bold; it follows the cursor and closes when the cursor
 * leaves the call, on Escape, or when the call is complete.
 */
export function signatureHelp(language: SignatureLanguage): Extension {
  const plugin = ViewPlugin.fromClass(
    class {
      private asked = 0;
      constructor(readonly view: EditorView) {}
      update(update: ViewUpdate) {
        const open = update.state.field(helpField) !== null;
        let typedTrigger = false;
        for (const tr of update.transactions) {
          if (!tr.isUserEvent('input')) continue;
          tr.changes.iterChanges((_a, _b, _c, _d, inserted) => {
            if (/[(,<]/.test(inserted.toString())) typedTrigger = true;
          });
        }
        if (typedTrigger || (open && (update.docChanged || update.selectionSet))) this.ask();
      }
      ask() {
        const view = this.view;
        const ticket = ++this.asked;
        const doc = view.state.doc;
        const pos = view.state.selection.main.head;
        void language.signatureHelp(doc.toString(), pos).then(
          (help) => {
            if (ticket !== this.asked || view.state.doc !== doc) return;
            view.dispatch({ effects: setHelp.of(help ? { pos, help } : null) });
          },
          () => undefined,
        );
      }
    },
  );
  return [
    helpField,
    plugin,
    Prec.high(
      keymap.of([
        {
          key: 'Escape',
          run: (view) => {
            if (view.state.field(helpField) === null) return false;
            view.dispatch({ effects: setHelp.of(null) });
            return true;
          },
        },
        {
          key: 'Mod-Shift-Space',
          run: (view) => {
            view.plugin(plugin)?.ask();
            return true;
          },
        },
      ]),
    ),
  ];
}

function render(help: SignatureHelp): HTMLElement {
  const signature = help.signatures[help.active] ?? help.signatures[0]!;
  const dom = document.createElement('div');
  dom.className = 'ts-signature';
  dom.setAttribute('role', 'status');
  const code = document.createElement('code');
  code.append(signature.prefix);
  signature.parameters.forEach((parameter, i) => {
    if (i > 0) code.append(signature.separator);
    if (i === help.activeParameter) {
      const strong = document.createElement('strong');
      strong.textContent = parameter.label;
      code.append(strong);
    } else code.append(parameter.label);
  });
  code.append(signature.suffix);
  dom.append(code);
  if (help.signatures.length > 1) {
    const count = document.createElement('span');
    count.className = 'ts-signature-count';
    count.textContent = ` (${help.active + 1} of ${help.signatures.length})`;
    dom.append(count);
  }
  const active = signature.parameters[help.activeParameter];
  const note = active?.documentation || signature.documentation;
  if (note) {
    const doc = document.createElement('p');
    doc.textContent = note;
    dom.append(doc);
  }
  return dom;
}
