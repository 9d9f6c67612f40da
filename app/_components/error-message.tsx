"use client";

/** What a page that failed to render says, with a way to try again. */
export function ErrorMessage({ retry }: { retry: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-4">We could not show this page. Nothing you typed has been lost on our side. Please try again.</p>
      <button type="button" onClick={retry} className="mt-4 rounded bg-brand px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
