import type { Faker } from "@faker-js/faker";
import { escapeHtml } from "@/lib/content/plain-text";
import { lowerFirst } from "./vocabulary";

// Replies as colleagues write them: short, addressed to someone, drawing on their own council's
// experience, with the odd offer of a document or a call. For the demo data only.

type Context = {
  area: string;
  /** First name of the person who started the thread. */
  poster: string;
  /** First name of the person who replied just before, if anyone did. */
  previous?: string;
  /** The replier's own council. */
  organisation: string;
};

const pick = <T,>(f: Faker, list: readonly T[]) => f.helpers.arrayElement(list);

const documents = ["terms of reference", "dashboard template", "evaluation plan", "service specification", "business case", "data sharing agreement", "risk register"];
const groups = ["our scrutiny committee", "the leadership team", "cabinet", "frontline managers", "our health partners", "the tenants' panel"];
const measures = ["repeat referrals", "time to resolve complaints", "void turnaround", "first-contact resolution", "staff turnover", "rent arrears"];
const councils = ["Brackenford", "Fernley", "Kestrel Bay", "Langdon", "Oakridge", "Redcliffe", "Wexcombe", "Millbrook"];

const openers: ((f: Faker, c: Context) => string | null)[] = [
  (_f, c) => `Thanks ${c.poster}, this is really useful.`,
  (_f, c) => `Thanks for starting this, ${c.poster}.`,
  () => "Good question.",
  (_f, c) => `We had exactly this at ${c.organisation}.`,
  (_f, c) => (c.previous ? `+1 to what ${c.previous} said.` : null),
  (_f, c) => (c.previous ? `${c.previous}, that matches what we found.` : null),
  (_f, c) => (c.previous ? `I agree with ${c.previous}.` : null),
  () => "Really interesting, thank you.",
  () => "Late to this thread, sorry.",
];

const middles: ((f: Faker, c: Context) => string)[] = [
  (f) => `We ended up using ${pick(f, ["a simple logic model", "a shared dashboard", "quarterly deep dives", "a peer review"])}, which took a while to set up but paid off.`,
  (f) => `Our ${pick(f, documents)} covers this. I can send you a copy if it helps.`,
  (f) => `The trick for us was agreeing what counts as ${pick(f, measures)} with ${pick(f, groups)} before anything else.`,
  (f) => `We tried that in ${f.number.int({ min: 2019, max: 2024 })} and dropped it: the data took longer to collect than it was worth.`,
  (f) => `Have you spoken to ${pick(f, councils)}? They did something similar last year.`,
  (f) => `I'd be careful with ${pick(f, measures)} on its own. It's easy to hit the target and miss the point.`,
  (f) => `${pick(f, groups).replace(/^./, (c) => c.toUpperCase())} wanted fewer numbers and more explanation, so we now send a one-page summary.`,
  (f) => `We report it monthly inside the service and quarterly to ${pick(f, groups)}.`,
  (f) => `It took us about ${f.number.int({ min: 3, max: 9 })} months to get a baseline we trusted.`,
  (f, c) => `Could you say a bit more about how you handled it in ${lowerFirst(c.area)}?`,
  (f) => `Would you be willing to share the ${pick(f, documents)}?`,
  () => "Honestly, the biggest difference was getting the same two people in the room every month.",
  (f) => `We're in the middle of the same thing, so I'm following this closely. Our deadline is ${pick(f, ["the end of the quarter", "March", "the autumn", "the next budget round"])}.`,
  () => "Same here. We found the national guidance left a lot open to interpretation.",
];

const closers = ["Happy to compare notes.", "Good luck with it.", "Let us know how it goes.", "I'll bring it to the next meeting.", "Happy to have a call if that's easier."];

/** One reply, as plain text and as HTML. */
export function replyText(f: Faker, context: Context) {
  const sentences: string[] = [];
  if (f.number.float() < 0.7) {
    const opener = pick(f, openers)(f, context);
    if (opener) sentences.push(opener);
  }
  const chosen = f.helpers.arrayElements(middles, { min: 1, max: 2 });
  for (const middle of chosen) sentences.push(middle(f, context));
  if (f.number.float() < 0.35) sentences.push(pick(f, closers));
  const text = sentences.join(" ");
  return { text, html: `<p>${escapeHtml(text)}</p>` };
}
