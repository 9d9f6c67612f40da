import type { Faker } from "@faker-js/faker";
import { lowerFirst } from "./vocabulary";

// Realistic writing about local-government practice, for demo data and the benchmark's
// millions of posts: real vocabulary, varied sentences, honest lengths. No lorem ipsum.

const measures = [
  "resident satisfaction", "time to resolve complaints", "repeat referrals", "cost per case", "void turnaround",
  "first-contact resolution", "staff turnover", "carbon emissions per household", "days lost to sickness",
  "rent arrears", "delayed transfers of care", "missed bin collections", "planning decisions in time",
  "school places offered", "footfall in the town centre",
];
const approaches = [
  "a balanced scorecard", "outcome-based commissioning", "a peer review", "lean process mapping", "a citizens' panel",
  "co-production workshops", "a service blueprint", "a test-and-learn pilot", "a logic model", "quarterly deep dives",
  "a shared dashboard", "appreciative inquiry", "a social value framework", "benchmarking with our neighbours",
];
const stakeholders = [
  "cabinet members", "the scrutiny committee", "frontline staff", "the voluntary sector", "health partners",
  "residents", "the corporate leadership team", "tenants' panels", "school governors", "town and parish councils",
];
const documents = [
  "performance framework", "commissioning strategy", "service specification", "equality impact assessment",
  "business case", "risk register", "data sharing agreement", "annual report", "outcomes framework",
  "medium-term financial plan", "improvement plan", "terms of reference",
];
const issues = [
  "budget pressures", "rising demand", "recruitment difficulties", "patchy data", "legacy IT systems",
  "changes in national guidance", "short-term funding", "cross-boundary working", "inspection findings",
];
const times = [
  "this quarter", "over the last year", "since April", "before the next budget round", "over the summer",
  "in the last two inspections", "since the restructure",
];

type Slots = { area: string };
const pick = <T,>(f: Faker, list: readonly T[]) => f.helpers.arrayElement(list);

const sentenceForms: ((f: Faker, s: Slots) => string)[] = [
  (f, s) => `We have been tracking ${pick(f, measures)} in ${lowerFirst(s.area)} ${pick(f, times)}, and the picture is mixed.`,
  (f) => `Our biggest obstacle has been ${pick(f, issues)}, which makes it hard to compare one year with the next.`,
  (f) => `We tried ${pick(f, approaches)} and it helped us agree what good looks like with ${pick(f, stakeholders)}.`,
  (f) => `The ${pick(f, documents)} is now in draft, and I would welcome comments before it goes to ${pick(f, stakeholders)}.`,
  (f) => `Has anyone found a reliable way to report ${pick(f, measures)} without double counting?`,
  (f) => `In our experience ${pick(f, stakeholders)} respond better to a short story and two numbers than to a long table.`,
  (f) => `We reduced ${pick(f, measures)} by ${f.number.int({ min: 5, max: 40 })}% after changing how cases are triaged.`,
  (f, s) => `The national guidance on ${lowerFirst(s.area)} changed ${pick(f, times)}, so our ${pick(f, documents)} needs updating.`,
  (f) => `One lesson: involve ${pick(f, stakeholders)} early, not when the ${pick(f, documents)} is already written.`,
  (f) => `We commissioned the work from a local charity, and ${pick(f, approaches)} kept everyone focused on outcomes.`,
  (f) => `Does anyone have a template ${pick(f, documents)} they would be willing to share?`,
  (f) => `Because of ${pick(f, issues)}, we have paused the second phase until the autumn.`,
  (f, s) => `Across ${lowerFirst(s.area)}, the councils we spoke to measure ${pick(f, measures)} in at least three different ways.`,
  (f) => `Frontline staff told us the reporting burden was too high, so we cut the indicators from ${f.number.int({ min: 30, max: 60 })} to ${f.number.int({ min: 8, max: 15 })}.`,
  () => `I would be glad to talk this through at the next meeting, or on a call before then.`,
  (f) => `Our internal audit found that ${pick(f, measures)} was recorded inconsistently between teams.`,
  (f) => `We now publish ${pick(f, measures)} every month, with a short note on what is behind the change.`,
  (f) => `Members asked for fewer measures and clearer targets, which ${pick(f, approaches)} gave us.`,
];

/** A paragraph of 2 to 5 sentences about a service area. */
export function paragraph(f: Faker, area: string): string {
  const count = f.number.int({ min: 2, max: 5 });
  return Array.from({ length: count }, () => pick(f, sentenceForms)(f, { area })).join(" ");
}

/** A body of several paragraphs, as clean HTML and as plain text. */
export function body(f: Faker, area: string, paragraphs = f.number.int({ min: 1, max: 4 })) {
  const parts = Array.from({ length: paragraphs }, () => paragraph(f, area));
  return { html: parts.map((p) => `<p>${p}</p>`).join(""), text: parts.join("\n") };
}

const trends = [
  "rising demand", "more complex cases", "longer waiting times", "fewer applicants for vacancies",
  "more complaints since the restructure", "a drop in response rates",
];
const moments = [
  "the peer review", "our last inspection", "the budget round", "the restructure", "an ombudsman complaint",
  "the election", "a difficult scrutiny meeting",
];
const months = ["January", "February", "March", "April", "May", "June", "July", "September", "October", "November", "December"];
const councils = [
  "Brackenford", "Castlemere", "Dunholme", "Fernley", "Glenbury", "Kestrel Bay", "Langdon", "Northam", "Oakridge",
  "Penhallow", "Redcliffe", "Stanwick", "Wexcombe", "Yarrowdale", "Millbrook", "Saltmarsh",
];

// Titles people write: questions, things shared, requests and meeting notes, most tied to the
// community's own area, so that no two on a page read the same.
const titleForms: ((f: Faker, s: Slots) => string)[] = [
  (f) => `How are you measuring ${pick(f, measures)}?`,
  (f, s) => `How do you report ${pick(f, measures)} in ${lowerFirst(s.area)}?`,
  (f, s) => `Lessons from our ${lowerFirst(s.area)} review`,
  (f) => `Draft ${pick(f, documents)} for comment`,
  (f, s) => `Has anyone used ${pick(f, approaches)} in ${lowerFirst(s.area)}?`,
  (f) => `Reporting ${pick(f, measures)} to ${pick(f, stakeholders)}`,
  (f, s) => `Dealing with ${pick(f, issues)} in ${lowerFirst(s.area)}: what has worked for you?`,
  (f, s) => `${s.area}: notes from the ${pick(f, months)} meeting`,
  (f, s) => `Template ${pick(f, documents)} for ${lowerFirst(s.area)} wanted`,
  (f) => `Why we stopped counting ${pick(f, measures)}`,
  (f, s) => `Getting ${pick(f, stakeholders)} involved earlier in ${lowerFirst(s.area)}`,
  (f, s) => `Anyone else seeing ${pick(f, trends)} in ${lowerFirst(s.area)}?`,
  (f) => `What does good look like for ${pick(f, measures)}?`,
  (f) => `Who owns ${pick(f, measures)} in your council?`,
  (f) => `Is ${pick(f, approaches)} worth it for a small team?`,
  (f) => `Benchmarking ${pick(f, measures)}: which councils do you compare with?`,
  (f, s) => `Our ${pick(f, documents)} for ${lowerFirst(s.area)}, free to reuse`,
  (f, s) => `What we learned from ${pick(f, approaches)} at ${pick(f, councils)} (${lowerFirst(s.area)})`,
  (f, s) => `${pick(f, councils)}'s ${lowerFirst(s.area)} dashboard: a quick tour`,
  (f, s) => `Three things we changed in ${lowerFirst(s.area)} after ${pick(f, moments)}`,
  (f) => `Cutting ${pick(f, measures)} at ${pick(f, councils)}: six months on`,
  (f, s) => `Looking for a council to pair with on ${lowerFirst(s.area)}`,
  (f, s) => `Volunteers for a peer review of ${lowerFirst(s.area)} at ${pick(f, councils)}`,
  (f, s) => `${s.area} meeting in ${pick(f, months)}: ideas for the agenda`,
  (f, s) => `Briefing ${pick(f, stakeholders)} on ${lowerFirst(s.area)}`,
  (f) => `${pick(f, issues).replace(/^./, (c) => c.toUpperCase())}: a short note on what we did`,
  (f, s) => `New to ${lowerFirst(s.area)}: where should I start?`,
  (f) => `Is anyone publishing ${pick(f, measures)} monthly?`,
];

export function title(f: Faker, area: string): string {
  return pick(f, titleForms)(f, { area });
}

export function tagsFor(f: Faker, area: string): string[] {
  const tag = area.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 30);
  return f.helpers.arrayElements([tag, "performance", "commissioning", "data", "lessons-learned", "templates", "scrutiny"], { min: 0, max: 3 });
}
