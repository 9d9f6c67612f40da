import Link from "next/link";
import { formatDate } from "@/app/_components/community";
import type { LibraryHit } from "@/lib/search/library";

/** Documents, and files whose words matched, from the communities' libraries and posts. */
export function LibraryResults({ hits }: { hits: LibraryHit[] }) {
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading" className="text-xl font-bold">
        Documents and files
      </h2>
      <ol className="mt-2 space-y-4">
        {hits.map((hit) => (
          <li key={`${hit.kind}-${hit.id}`} className="border-b border-line pb-3">
            {hit.kind === "document" ? (
              <Link href={hit.href} className="text-lg font-bold">
                {hit.title}
              </Link>
            ) : (
              <>
                <a href={`/files/${hit.id}`} download={hit.title} className="text-lg font-bold">
                  {hit.title}
                </a>{" "}
                <span className="text-sm">
                  attached to <Link href={hit.href}>{hit.parentTitle}</Link>
                </span>
              </>
            )}
            <p className="text-sm text-muted">
              {hit.kind === "document" ? "Document" : "File"} in {hit.communityName} · {formatDate(hit.changedAt)}
            </p>
            {hit.snippet && <p className="mt-1" dangerouslySetInnerHTML={{ __html: hit.snippet }} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
