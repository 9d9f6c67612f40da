import type { Metadata } from "next";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold">Accessibility statement</h1>
      <p>
        Roundtable is for everyone who works in public services. We aim to meet the Web Content
        Accessibility Guidelines (WCAG) 2.2 at level AA, as UK public bodies must.
      </p>
      <h2 className="text-2xl font-bold">What you can expect</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>Every page works with a keyboard alone, with a visible focus indicator.</li>
        <li>Pages have headings, landmarks and a link to skip to the main content.</li>
        <li>Every form field has a label, and errors are shown next to the field they concern.</li>
        <li>Text and controls meet contrast requirements and reflow at 400% zoom.</li>
        <li>
          The site has one light colour scheme. It does not follow a dark setting on your device; your
          browser&apos;s zoom, text size and high-contrast settings still apply.
        </li>
        <li>Writing tools use a standard rich-text editor, with a plain text box when scripts are off.</li>
      </ul>
      <h2 className="text-2xl font-bold">How we test</h2>
      <p>
        Every page is checked automatically with the axe accessibility engine in a real browser on
        each change, and keyboard journeys are part of our automated tests. Automated checks find
        many problems but not all, so we also test by hand with screen readers.
      </p>
      <h2 className="text-2xl font-bold">Reporting a problem</h2>
      <p>
        If something does not work for you, tell the team that runs Roundtable for your
        organisation. We aim to reply within 5 working days.
      </p>
    </article>
  );
}
