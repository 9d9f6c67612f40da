"use client";

import { ErrorMessage } from "./_components/error-message";

// `retry` fetches and renders the failed part of the page again: most failures are on the server.
export default function ErrorPage({ retry }: { error: Error; retry: () => void }) {
  return <ErrorMessage retry={retry} />;
}
