/**
 * The idea behind each learning goal, one sentence in our own words, checked against the 2020
 * Scrum Guide (Definition of Ready, MoSCoW, WSJF, personas and the like are not in the Guide: their
 * sentences say they are practices, not rules). The coach shows it under a judgement, so that a
 * verdict always comes with the principle it was measured against.
 */
const IDEAS: Readonly<Record<string, string>> = {
  // Product Owner Accountability and Mindset
  'D1.1.1': 'The Product Owner is accountable for maximising the value of the product that results from the Scrum Team\'s work.',
  'D1.1.2': 'The Product Owner develops and communicates the Product Goal, creates clear Product Backlog items, orders them and keeps the backlog transparent and understood.',
  'D1.1.3': 'The Product Owner is one person, not a committee; others may do some of the work, but the Product Owner stays accountable.',
  'D1.1.4': 'For a Product Owner to succeed, the whole organisation must respect their decisions, which show in the content and order of the Product Backlog.',
  'D1.2.1': 'Every choice a Product Owner makes is a bet on value: what to build, what to leave out and in what order.',
  'D1.2.2': 'Order work by what it is worth and what waiting costs, against what it takes to build and what else the same effort could buy.',
  'D1.2.3': 'Value also comes from keeping the product healthy: paying down debt and improving what users already have can beat one more feature.',
  'D1.3.1': 'Each Scrum event is a chance to inspect and adapt; the Product Owner uses them to steer the product toward value.',
  'D1.3.2': 'At Sprint Planning the Product Owner proposes how the Sprint could add value and clarifies items; the Developers decide how much they take and how to do it.',
  'D1.3.3': 'The Sprint Review is a working session where stakeholders inspect the Increment and the Product Backlog is adapted from what they say.',
  // Product Vision and Product Goal
  'D2.1.1': 'A vision states whom the product serves and why, a lasting direction rather than a list of features.',
  'D2.1.2': 'A vision works when the team and stakeholders share it; simple formats such as an elevator pitch, a vision board or a product box help build it together.',
  'D2.1.3': 'Work that does not move the product toward its vision spends the team\'s time on something nobody set out to achieve.',
  'D2.2.1': 'The Product Goal is the Scrum Team\'s long-term objective, a future state of the product; the team works toward one at a time.',
  'D2.2.2': 'A Product Goal that can be measured and serves the vision gives every Sprint Goal a target to step toward.',
  'D2.2.3': 'Empiricism means deciding from what was observed: keep a Product Goal while the evidence supports it, change it when the evidence says so.',
  'D2.3.1': 'A roadmap shows direction and intended outcomes, a forecast that changes as the team learns, not a contract of features and dates.',
  'D2.3.2': 'Roadmaps organised by goals or by now, next and later stay honest about uncertainty and leave room to adapt.',
  'D2.3.3': 'A roadmap is good when the people who read it understand where the product is heading and why.',
  // Product Backlog Management
  'D3.1.1': 'Items near the top are small and detailed enough for a Sprint; items further down can stay large and rough until they come closer.',
  'D3.1.2': 'A user story is a practice, not a Scrum rule: it names who needs something, what they need and why, with criteria that say when it is complete.',
  'D3.1.3': 'INVEST (independent, negotiable, valuable, estimable, small, testable) is a practice for checking that an item is ready to be worked on well.',
  'D3.1.4': 'Split large items into thin slices that each deliver something usable, rather than into technical layers that deliver nothing on their own.',
  'D3.2.1': 'Ordering techniques are practices, not Scrum rules: MoSCoW sets a release\'s scope, WSJF weighs cost of delay against size, Kano sorts features by how they satisfy.',
  'D3.2.2': 'MoSCoW sorts items into Must, Should, Could and Won\'t for one target, so the scope can shrink without losing what matters.',
  'D3.2.3': 'Put what brings the most value for its effort first, so that each Sprint delivers as much as it can.',
  'D3.2.4': 'Order is not only value: dependencies, risk and what the team needs to learn first can move an item up or down.',
  'D3.3.1': 'Refinement is an ongoing activity: items are split, detailed, sized and ordered before they reach Sprint Planning.',
  'D3.3.2': 'Refine upcoming items until the Developers understand them and can take them into a Sprint.',
  'D3.3.3': 'Good refinement shows in short Sprint Planning, steady estimates and few surprises during the Sprint.',
  // Understanding Customers and Users
  'D4.1.1': 'Group users by what they do and need, not only by who they are: behaviour and needs say what to build.',
  'D4.1.2': 'A persona is a practice that keeps real goals, pains, habits and context in view; it rests on research, not stereotypes.',
  'D4.1.3': 'The people who buy a product and the people who use it may want different things; value needs both.',
  'D4.2.1': 'Interviews, surveys, usability tests and analytics each answer different questions; pick the one that fits what you need to learn.',
  'D4.2.2': 'A minimum viable product is the smallest Increment that tests an assumption with real users.',
  'D4.2.3': 'An empathy map turns what users say, think, do and feel into insight about what they need.',
  'D4.2.4': 'A request is not a need: look for the problem behind it before adding it to the Product Backlog.',
  'D4.3.1': 'Feature comparisons, SWOT and positioning show where the product stands among the alternatives.',
  'D4.3.2': 'Competitor insight helps choose where to lead, where to match and where to be different, without copying for its own sake.',
  'D4.3.3': 'Markets change; a Product Owner watches for shifts that should change the direction or the order of work.',
  // Stakeholder Engagement
  'D5.1.1': 'Stakeholders differ in what they want from the product and how much they can sway it.',
  'D5.1.2': 'Mapping stakeholders by influence and interest says whom to involve closely, whom to keep satisfied, whom to keep informed and whom to watch.',
  'D5.1.3': 'When requests conflict, the Product Goal and value decide; the Product Owner orders the backlog and explains why.',
  'D5.2.1': 'The Product Owner keeps direction and progress transparent and sets honest expectations.',
  'D5.2.2': 'Make progress, what comes next and the risks visible in plain form, so stakeholders can act on them.',
  'D5.2.3': 'The Sprint Review is a working session with stakeholders, not a presentation or a status report.',
  'D5.2.4': 'A misunderstanding usually has a cause in how information flows; fix the channel, not only the message.',
  // Release Planning and Forecasting
  'D6.1.1': 'Release planning decides which part of the Product Backlog goes to users, by a date or by a scope.',
  'D6.1.2': 'A forecast comes from what the team has actually delivered, its capacity and the order of the backlog, and it is a forecast, not a promise.',
  'D6.1.3': 'Say how sure a forecast is and what happens if it proves wrong; check its assumptions against what the Sprints show.',
  'D6.2.1': 'The Definition of Done is the quality every Increment must meet; when work meets it, an Increment is born.',
  'D6.2.2': 'Work that does not meet the Definition of Done is not part of the Increment and is not shown as done; it goes back to the Product Backlog.',
  'D6.2.3': 'A stronger Definition of Done costs time now and makes later Sprints more predictable and the product safer to change.',
  'D6.3.1': 'Value shows in what users do with the product (adoption, satisfaction, revenue, use), not in velocity or items shipped.',
  'D6.3.2': 'Product metrics make value visible to stakeholders and help decide what to order next.',
  'D6.3.3': 'After a release, check whether the ordering decisions really moved the value measures, and adapt.',
  // Sprint Collaboration and Definition of Ready
  'D7.1.1': 'A Definition of Ready is not part of the Scrum Guide: at most an optional team agreement, never a gate that stops useful work.',
  'D7.1.2': 'Before Sprint Planning, check that upcoming items have clear criteria, a workable size and known dependencies.',
  'D7.1.3': 'Strict readiness slows the flow of work; loose readiness brings questions and churn mid-Sprint; the team finds the balance.',
  'D7.2.1': 'The Product Owner proposes how the Sprint could increase value; the whole Scrum Team crafts the Sprint Goal together.',
  'D7.2.2': 'A good Sprint Goal meets the most pressing need within what the Developers can take on.',
  'D7.2.3': 'Sprint Goals missed again and again reach too far; goals always met with ease may reach too little.',
  'D7.3.1': 'Acceptance criteria are conditions a specific item must meet to be complete, shared with the Developers, on top of the Definition of Done.',
  'D7.3.2': 'Given-When-Then is a practice for writing criteria that are clear and can be tested.',
  'D7.3.3': 'Good criteria also cover edge cases, errors and needs such as speed, security and accessibility.',
};

/** The idea behind a learning goal, or `undefined` for an id outside the catalogue. */
export function goalIdea(goalId: string): string | undefined {
  return IDEAS[goalId];
}
