import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide";
import { Icon } from "./icon";

type PageLink = { href: string; text: string } | null;

/** Links to the first, the previous and the next page of a keyset-paged list, or nothing when there is one page. */
export function Pager({ label, first, previous = null, next }: { label: string; first: PageLink; previous?: PageLink; next: PageLink }) {
  if (!first && !previous && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-6 pt-2">
      {first && (
        <Link href={first.href} className="inline-flex min-h-10 items-center gap-1 font-semibold">
          <Icon icon={ChevronLeft} />
          {first.text}
        </Link>
      )}
      {previous && (
        <Link href={previous.href} rel="prev" className="inline-flex min-h-10 items-center gap-1 font-semibold">
          <Icon icon={ChevronLeft} />
          {previous.text}
        </Link>
      )}
      {next && (
        <Link href={next.href} rel="next" className="inline-flex min-h-10 items-center gap-1 font-semibold">
          {next.text}
          <Icon icon={ChevronRight} />
        </Link>
      )}
    </nav>
  );
}
