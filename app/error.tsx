"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-4">We could not show this page. Nothing you typed has been lost on our side. Please try again.</p>
      {/* The primary button's look, written out: importing buttonClass would add it to every page's scripts. */}
      <button type="button" onClick={reset} className="mt-4 min-h-10 rounded bg-brand px-4 py-1.5 font-semibold text-white shadow-[0_2px_0_#0b0c0c] hover:bg-brand-dark">
        Try again
      </button>
    </main>
  );
}
