"use client";

import "./globals.css";
import { ErrorMessage } from "./_components/error-message";

// Shown only when the root layout itself fails. Next.js's built-in version draws with style
// attributes and an inline style element, both of which the Content Security Policy refuses;
// this one uses the site's stylesheet.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body className="font-sans text-base leading-relaxed">
        <title>Sorry, something went wrong · Roundtable</title>
        <ErrorMessage retry={retry} />
      </body>
    </html>
  );
}
