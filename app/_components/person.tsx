import Link from "next/link";
import { Avatar } from "./avatar";

type Someone = { id: string; name: string } | null;

/**
 * A person as lists and threads show them: their initials avatar, then their name (a link to
 * their profile unless `link` is false), then anything passed as children. A reply or post whose
 * author has left shows "A former member".
 */
export function Person({
  person,
  size = "sm",
  link = true,
  className = "",
  children,
}: {
  person: Someone;
  size?: "sm" | "md";
  link?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  const name = person ? person.name : "A former member";
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <Avatar name={person?.name ?? ""} seed={person?.id ?? ""} size={size} />
      <span>
        {person && link ? (
          <Link href={`/people/${person.id}`} className="font-semibold">
            {name}
          </Link>
        ) : (
          <span className="font-semibold">{name}</span>
        )}
        {children}
      </span>
    </span>
  );
}
