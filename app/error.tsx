"use client";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">Sorry, something went wrong</h1>
      <p className="mt-4">We could not show this page. Nothing you typed has been lost on our side. Please try again.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-brand px-4 py-2 font-semibold text-white">
        Try again
      </button>
    </main>
  );
}
