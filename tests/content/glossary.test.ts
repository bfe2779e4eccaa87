import { describe, expect, it } from 'vitest';
import { definitionOf, GLOSSARY } from '../../src/words/glossary';
import { leaks } from './leaks';

describe('the glossary', () => {
  it('defines the jargon the screens use', () => {
    const terms = GLOSSARY.map((e) => e.term);
    for (const wanted of ['Definition of Done', 'Definition of Done strength', 'Cost of delay', 'Intangible', 'Velocity', 'Increment', 'Product Goal', 'Sprint Goal', 'Refinement', 'MoSCoW', 'Technical debt'])
      expect(terms).toContain(wanted);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('writes each definition as a sentence or two in plain words', () => {
    for (const e of GLOSSARY) {
      expect(e.definition.length, e.term).toBeGreaterThan(60);
      expect(e.definition.length, e.term).toBeLessThan(320);
      expect(e.definition, e.term).toMatch(/\.$/);
      expect(leaks(e.definition), e.term).toEqual([]);
    }
  });

  it('says where a term is not Scrum, and keeps Scrum terms as the 2020 Scrum Guide has them', () => {
    const source = (term: string) => GLOSSARY.find((e) => e.term === term) as { source?: string } | undefined;
    for (const t of ['Velocity', 'MoSCoW', 'Definition of Ready', 'Cost of delay', 'INVEST']) expect(source(t)?.source, t).toBe('practice');
    for (const t of ['Product Goal', 'Sprint Goal', 'Increment', 'Definition of Done', 'Refinement']) expect(source(t)?.source, t).toBeUndefined();
    // The 2020 Guide: work that is not Done cannot be released or even presented at the Sprint Review.
    expect(definitionOf('Definition of Done')).toMatch(/cannot be released/);
    expect(definitionOf('Velocity')).toMatch(/not a target/);
    expect(definitionOf('Refinement')).toMatch(/Developers who will do the work size it/);
  });
});
