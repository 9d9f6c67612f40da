import Link from "next/link";
import type { PersonCard as Card } from "@/lib/people/columns";
import { Avatar } from "./avatar";

/** One person in the finder, on an organisation page or in suggestions: only the fields they let the viewer see. */
export function PersonCard({ person, headingLevel = 2 }: { person: Card; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const organisation = person.organisationId && <Link href={`/people/organisations/${person.organisationId}`}>{person.organisation}</Link>;
  const where = [person.areaOfWork, person.region].filter(Boolean).join(" · ");
  return (
    <div className="flex items-start gap-3 py-3">
      <Avatar name={person.name} seed={person.id} photo={person.hasPhoto ? `/people/${person.id}/photo` : undefined} />
      <div>
        <Heading className="text-lg font-bold">
          <Link href={`/people/${person.id}`}>{person.name}</Link>
        </Heading>
        {(person.jobTitle || organisation) && (
          <p>
            {person.jobTitle}
            {person.jobTitle && organisation && ", "}
            {organisation}
          </p>
        )}
        {where && <p className="text-muted">{where}</p>}
        {person.expertise && person.expertise.length > 0 && (
          <p>
            <span className="sr-only">Expertise: </span>
            {person.expertise.map((tag) => (
              <span key={tag} className="mr-2 inline-block border border-line bg-panel px-2 text-sm">
                {tag}
              </span>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
