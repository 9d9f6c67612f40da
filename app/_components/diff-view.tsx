/** A difference between two versions (safe HTML made by lib/content/diff), with a key to its marks. */
export function DiffView({ html }: { html: string }) {
  return (
    <section aria-labelledby="diff-heading" className="space-y-3">
      <h2 id="diff-heading" className="text-xl font-bold">
        What changed
      </h2>
      <DiffKey />
      <div className="diff max-w-3xl space-y-3" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}

/** What the marks in a difference mean. */
export function DiffKey() {
  return (
    <p className="text-sm">
      Key: <ins>added words are underlined on green</ins>, <del>removed words are struck through on red</del>. Screen readers announce each as added or removed.
    </p>
  );
}
