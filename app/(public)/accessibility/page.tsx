import type { Metadata } from "next";
import { keyboardJourneys, reflowPages, reflowSizes } from "@/lib/accessibility/tested";

export const metadata: Metadata = { title: "Accessibility statement" };

// The UK public sector model statement: what is tested, and how, is said exactly as the
// automated suite does it (the keyboard and reflow lists come from the module the tests take
// their titles from); what is not tested yet is listed as a known gap, not claimed.

const heading = "text-2xl font-bold";
const list = "list-disc space-y-1 pl-6";

export default function AccessibilityPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Accessibility statement</h1>
      <p>
        Roundtable is for everyone who works in public services. We want as many people as possible to be able to use
        it. You should be able to:
      </p>
      <ul className={list}>
        <li>use every page with a keyboard alone, and see where the keyboard focus is</li>
        <li>skip to the main content from the top of each page</li>
        <li>zoom in to 400%, or use a narrow screen, with the text and controls still usable</li>
        <li>read and write posts without scripts: a plain text box stands in for the editor</li>
        <li>use a screen reader: pages have one main heading, landmarks, and labelled fields with errors beside them</li>
      </ul>

      <h2 className={heading}>Compliance status</h2>
      <p>
        Roundtable aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. It is{" "}
        <strong>partially compliant</strong>: the known issues below mean not every part of every page has been
        shown to meet it.
      </p>

      <h2 className={heading}>How we tested it</h2>
      <p>Every change is tested automatically, in a real browser (Chromium), before it is released:</p>
      <ul className={list}>
        <li>
          Every page of the site is opened by the automated tests as each kind of person who can reach it (a visitor who
          has not signed in, a member, a facilitator and a site administrator), and checked with the axe engine against
          WCAG 2.0, 2.1 and 2.2 at levels A and AA and axe&apos;s best practices. The same check runs on pages in other
          states the tests reach: forms showing errors, events with waiting lists, past and cancelled events, and pages
          that do not exist. A page with any failure fails the test run.
        </li>
        <li>
          These core tasks are tested with the keyboard alone, checking that the focus can be seen at every step, that the
          skip link works, that the focus moves to the right place after each action, and that each change is announced:{" "}
          {Object.values(keyboardJourneys).join("; ")}.
        </li>
        <li>
          The main pages ({reflowPages.join(", ")}) are checked at {reflowSizes.map((size) => size.name).join(" and at ")}:
          nothing scrolls sideways and no control is cut off. They are also checked with reduced motion asked for: nothing
          moves for longer than a hundredth of a second.
        </li>
        <li>Writing a post with scripts turned off is tested.</li>
      </ul>
      <p>
        Automated checks find many problems but not all of them. This statement was prepared on 27 November 2026 from
        what the automated tests check on that date.
      </p>

      <h2 className={heading}>Known issues</h2>
      <ul className={list}>
        <li>
          We have not yet tested with screen readers (such as JAWS, NVDA or VoiceOver) or speech recognition software,
          nor with disabled people. We plan to do both by 31 March 2027.
        </li>
        <li>
          Pages other than the main ones above are not yet checked automatically at 320 pixels wide or at 400% zoom; we
          plan to check every page by 28 February 2027. The site has one light colour scheme, whose contrast is checked
          by axe.
        </li>
        <li>
          Documents and files that members upload (PDF, Word and others) are theirs: we cannot make sure they are
          accessible. Pictures in posts must have a description before they can be added.
        </li>
        <li>The charts on a community&apos;s figures page are pictures with a description; the same figures can be downloaded as tables.</li>
      </ul>
      <p>We will update this statement as each of these is tested or fixed.</p>

      <h2 className={heading}>Reporting a problem, or asking for another format</h2>
      <p>
        If something does not work for you, or you need what is on a page in another format (large print, plain text or
        audio), tell the team that runs Roundtable for your organisation. Say which page, and what you were trying to
        do. We aim to reply within 5 working days.
      </p>

      <h2 className={heading}>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites
        and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &lsquo;accessibility regulations&rsquo;). If
        you are not happy with how we respond to your complaint, contact the{" "}
        <a className="underline" href="https://www.equalityadvisoryservice.com/">
          Equality Advisory and Support Service (EASS)
        </a>
        . In Northern Ireland, contact the{" "}
        <a className="underline" href="https://www.equalityni.org/Home">
          Equality Commission for Northern Ireland
        </a>
        .
      </p>
    </article>
  );
}
