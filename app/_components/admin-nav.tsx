import Link from "next/link";

const sections = [
  { id: "figures", label: "Platform figures", href: "/admin" },
  { id: "people", label: "People", href: "/admin/people" },
  { id: "communities", label: "Communities", href: "/admin/communities" },
  { id: "log", label: "Site log", href: "/moderation" },
] as const;

/** The sections of site administration, shown at the top of each of its pages. */
export function AdminNav({ current }: { current: (typeof sections)[number]["id"] }) {
  return (
    <nav aria-label="Site administration">
      <ul className="flex flex-wrap gap-1 border-b-2 border-line">
        {sections.map((s) => (
          <li key={s.id}>
            <Link
              href={s.href}
              aria-current={s.id === current ? "page" : undefined}
              className={`-mb-0.5 inline-block border-b-4 px-3 py-2 font-semibold no-underline ${s.id === current ? "border-brand text-ink" : "border-transparent"}`}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
