import { el } from '../dom/el';

/** What the player wrote, shown on an item under its label, e.g. "The story, in your words". */
export function writtenText(label: string, text: string): HTMLElement {
  return el('p', { class: 'written' }, el('span', { class: 'written__label' }, label), text);
}

const KEYWORD = /^(Feature|Rule|Background|Scenario Outline|Scenario|Example|Given|When|Then|And|But)\b:?\s*/i;

/**
 * Acceptance criteria the player wrote, one line each as Gherkin reads: a scenario's name set
 * apart, its Given, When and Then lines under it with the keyword in bold.
 */
export function writtenCriteria(label: string, text: string): HTMLElement {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return el(
    'div',
    { class: 'written' },
    el('span', { class: 'written__label' }, label),
    el(
      'ul',
      { class: 'written__lines' },
      ...lines.map((line) => {
        const m = KEYWORD.exec(line);
        if (!m) return el('li', { class: 'written__step' }, line);
        const heading = /^(Feature|Rule|Background|Scenario|Example)/i.test(m[1]!);
        return el('li', { class: heading ? 'written__scenario' : 'written__step' }, el('strong', {}, m[0].trimEnd()), ' ', line.slice(m[0].length));
      }),
    ),
  );
}
