import { describe, expect, it } from 'vitest';
import { judgeText, parseSplit, toGherkin } from '../../src/rubric';

const finding = (j: ReturnType<typeof judgeText>, criterion: string) => j.findings.find((f) => f.criterion === criterion);

describe('the rubric with context', () => {
  it('does not hold a product term against a story as a solution', () => {
    const text = 'As a developer, I want to create a database for my service myself, so that I do not wait a week.';
    expect(finding(judgeText('story', text), 'problem-oriented')?.ok).toBe(false);
    expect(finding(judgeText('story', text, { productTerms: ['self-service databases for product teams'] }), 'problem-oriented')?.ok).toBe(true);
  });

  it('takes every line as a slice when the original is given', () => {
    const slices = '- As a customer, I want to pay by card, so that I skip the queue.\n- As a customer, I want to pay with a gift card, so that I skip the queue.';
    expect(parseSplit(slices, 'As a customer, I want to pay online, so that I skip the queue.').slices).toHaveLength(2);
    const j = judgeText('split', slices, { original: 'As a customer, I want to pay online, so that I skip the queue.' });
    expect(j.score).toBe(1);
  });

  it('wraps bare Given-When-Then lines in a Feature and Scenarios, one per Given after a Then', () => {
    expect(toGherkin('given a\nwhen b\nthen c\ngiven d\nwhen e\nthen f')).toBe(
      'Feature: Acceptance criteria\nScenario: criterion 1\nGiven a\nWhen b\nThen c\nScenario: criterion 2\nGiven d\nWhen e\nThen f',
    );
    expect(toGherkin('Given a, when b, then c')).toBe('Feature: Acceptance criteria\nScenario: criterion 1\nGiven a\nWhen b\nThen c');
  });

  it('quotes the learner\'s own words in its findings', () => {
    const j = judgeText('criteria', 'Given I pay\nWhen it goes through\nThen it works correctly\nPlease check vouchers too');
    expect(finding(j, 'given when then')?.message).toContain('"Please check vouchers too"');
    const s = judgeText('story', 'As a regular, I want a Seamless checkout, so that I leave sooner.');
    expect(finding(s, 'unambiguous')?.message).toMatch(/^"Seamless" is vague/);
  });
});
