import Link from "next/link";
import type { ReactNode } from "react";
import { Download } from "./tables";

// A list on the figures page that a facilitator acts on: a heading with the count, what the
// figure means, each entry a link with a few words after it, and the whole list as a CSV.

export type ActionItem = { key: string; href: string; text: string; detail: string };

type Props = {
  heading?: string;
  total?: number;
  definition: ReactNode;
  items: ActionItem[];
  empty: string;
  ordered?: boolean;
  download?: { href: string; what: string };
};

export function ActionList({ heading, total, definition, items, empty, ordered = false, download }: Props) {
  const List = ordered ? "ol" : "ul";
  return (
    <>
      {heading && <h3 className="text-xl font-bold">{total === undefined ? heading : `${heading} (${total})`}</h3>}
      <p className="text-muted">{definition}</p>
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <List className={`${ordered ? "list-decimal" : "list-disc"} space-y-1 pl-6`}>
          {items.map((item) => (
            <li key={item.key}>
              <Link href={item.href}>{item.text}</Link>
              <span className="text-muted">{item.detail}</span>
            </li>
          ))}
        </List>
      )}
      {download && items.length > 0 && <Download href={download.href} what={download.what} />}
    </>
  );
}
