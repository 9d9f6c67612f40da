import { formatDateTime } from "@/app/_components/library";
import type { EditorState } from "@/lib/library/page";

/**
 * Shown when someone else saved while the viewer was editing. Their changes and the viewer's
 * are combined in the editor; where both changed the same passage, the viewer's words stay in
 * the editor and the other version is set beside them, to settle before saving.
 */
export function Clashes({ editor }: { editor: EditorState }) {
  const { newer, clashes, titleClash } = editor;
  if (!newer) return null;
  const count = clashes.length + (titleClash ? 1 : 0);
  return (
    <section aria-labelledby="clash-heading" className="space-y-4 border-4 border-brand p-4" tabIndex={-1}>
      <h2 id="clash-heading" className="text-xl font-bold">
        {newer.authorName} saved a new version while you were editing
      </h2>
      <p>
        Version {newer.number} was saved at {formatDateTime(newer.createdAt)}. Nothing you typed has been lost: it is in the editor below, together with their changes to
        other parts of the document.
        {count > 0 &&
          ` You both changed ${count === 1 ? "the same passage" : `the same ${count} passages`}. Your words are in the editor; theirs are shown beside yours here. Bring in what you need from theirs, then save.`}
      </p>
      {titleClash && (
        <SideBySide heading="Title" mine={<p>{titleClash.mine}</p>} theirs={<p>{titleClash.theirs}</p>} authorName={newer.authorName} />
      )}
      {clashes.map((clash, i) => (
        <SideBySide
          key={i}
          heading={`Passage ${i + 1}`}
          mine={<div className="prose-body" dangerouslySetInnerHTML={{ __html: clash.mine || "<p>(you removed it)</p>" }} />}
          theirs={<div className="prose-body" dangerouslySetInnerHTML={{ __html: clash.theirs || "<p>(they removed it)</p>" }} />}
          authorName={newer.authorName}
        />
      ))}
    </section>
  );
}

function SideBySide({ heading, mine, theirs, authorName }: { heading: string; mine: React.ReactNode; theirs: React.ReactNode; authorName: string }) {
  return (
    <div>
      <h3 className="font-bold">{heading}</h3>
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        <div className="border-l-4 border-ink bg-panel p-3">
          <h4 className="font-semibold">Your version (in the editor)</h4>
          {mine}
        </div>
        <div className="border-l-4 border-brand bg-panel p-3">
          <h4 className="font-semibold">{authorName}&apos;s version</h4>
          {theirs}
        </div>
      </div>
    </div>
  );
}
