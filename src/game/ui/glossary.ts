import './glossary.css';
import { definitionOf, GLOSSARY, SOURCE_NOTE, type GlossaryTerm } from '../../words/glossary';
import { el } from '../dom/el';
import { closeDialog, createDialog, showDialog } from './dialog';

/** The id of a term's entry in the glossary panel, for links and tests. */
export function glossaryId(term: string): string {
  return `glossary-${term.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/**
 * A term as the screens write it, with its plain-language definition as a tooltip. `<abbr>`
 * with a title is announced by screen readers and shows on hover; the full list is one menu
 * item away (Menu → Glossary) for anyone who cannot hover.
 */
export function term(glossaryTerm: GlossaryTerm, text: string = glossaryTerm): HTMLElement {
  return el('abbr', { class: 'term', title: definitionOf(glossaryTerm), 'data-term': glossaryTerm }, text);
}

/** Every term and its definition, in the order a new Product Owner meets them. */
export function glossaryList(): HTMLElement {
  return el(
    'dl',
    { class: 'glossary' },
    ...GLOSSARY.flatMap((e) => {
      const source = 'source' in e ? e.source : undefined;
      return [
        el('dt', { class: 'glossary__term', id: glossaryId(e.term) }, e.term),
        el('dd', { class: 'glossary__definition' }, e.definition, source ? el('span', { class: 'glossary__source' }, ` ${SOURCE_NOTE[source]}`) : null),
      ];
    }),
  );
}

export function openGlossary(): void {
  const returnTo = document.activeElement;
  const ok = el('button', { type: 'button', class: 'btn btn--primary' }, 'Close');
  const dialog = createDialog({
    title: 'Glossary',
    className: 'dialog--glossary',
    body: [
      el('p', { class: 'dialog__note' }, 'The words the screens use, in plain language. Scrum terms follow the 2020 Scrum Guide; the rest say where they come from.'),
      el('div', { class: 'glossary-scroll', tabindex: '0', role: 'region', 'aria-label': 'Terms' }, glossaryList()),
      el('div', { class: 'dialog__actions' }, ok),
    ],
    onCancel: () => closeDialog(dialog, returnTo),
  });
  ok.addEventListener('click', () => closeDialog(dialog, returnTo));
  showDialog(dialog);
}
