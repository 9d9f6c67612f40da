"use client";

import "./globals.css";

// Shown only when the root layout itself fails. Next.js's built-in version draws with style
// attributes and an inline style element, both of which the Content Security Policy refuses;
// this one uses the site's stylesheet.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB">
      <body className="font-sans text-base leading-relaxed">
        <title>Sorry, something went wrong · Roundtable</title>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">
          <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
          <p className="mt-4">We could not show this page. Nothing you typed has been lost on our side. Please try again.</p>
          <button type="button" onClick={retry} className="mt-4 rounded bg-brand px-4 py-2 font-semibold text-white">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
