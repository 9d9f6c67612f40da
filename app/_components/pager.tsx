import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide";
import { Icon } from "./icon";

type PageLink = { href: string; text: string } | null;

/** Links to the first and the next page of a keyset-paged list, or nothing when there is one page. */
export function Pager({ label, first, next }: { label: string; first: PageLink; next: PageLink }) {
  if (!first && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap gap-6 pt-2">
      {first && (
        <Link href={first.href} className="inline-flex min-h-10 items-center gap-1 font-semibold">
          <Icon icon={ChevronLeft} />
          {first.text}
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
