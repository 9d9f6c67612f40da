import type { Metadata } from "next";
import Link from "next/link";
import { removeMemberAction, setMemberRoleAction } from "@/app/_actions/communities";
import { banAction } from "@/app/_actions/moderation";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { buttonClass } from "@/app/_components/button-styles";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { pageQuery, withQuery } from "@/app/_components/query";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listMembers } from "@/lib/communities/members";
import { communityTitle, loadCommunityPage } from "../load";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/members">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Members") };
}

const roleLabel = { owner: "Owner", facilitator: "Facilitator", member: "Member" } as const;
const changeLabel = { owner: "Make owner", facilitator: "Make facilitator", member: "Make member" } as const;

export default async function MembersPage({ params, searchParams }: PageProps<"/c/[slug]/members">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/members`);
  const query = pageQuery(await searchParams);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.viewMembers) {
    return (
      <div>
        <CommunityHeader page={page} current="members" title="Members" />
        <p>{page.refusals.viewMembers}</p>
      </div>
    );
  }
  const { data: members, error } = await loadPage(() => listMembers(viewer, slug, query));
  const base = `/c/${slug}/members`;
  return (
    <div className="space-y-6">
      <CommunityHeader page={page} current="members" title="Members" />
      <form method="get" role="search" aria-label="Members" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="members-q" className="block font-semibold">
            Search by name, organisation or job title
          </label>
          {error && (
            <p id="members-q-error" className="font-semibold text-danger">
              <span className="sr-only">Error: </span>
              {error.message}
            </p>
          )}
          <input
            id="members-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "members-q-error" : undefined}
            className="border-2 border-ink px-2 py-1.5"
          />
        </div>
        <button type="submit" className={buttonClass("primary")}>
          Search
        </button>
      </form>
      {members && members.items.length === 0 && <p>{query.q ? `No members match “${query.q}”.` : "There are no members yet."}</p>}
      {members && members.items.length > 0 && (
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Members of {page.community.name}</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">Name</th>
              <th scope="col" className="py-2 pr-4">Role</th>
              <th scope="col" className="py-2 pr-4">Organisation and job title</th>
              <th scope="col" className="py-2 pr-4">Joined</th>
              {page.allowed.manageMembers && <th scope="col" className="py-2">Manage</th>}
            </tr>
          </thead>
          <tbody>
            {members.items.map((member) => (
              <tr key={member.userId} className="border-b border-line align-top">
                <td className="py-2 pr-4 font-semibold">{member.name}</td>
                <td className="py-2 pr-4">{roleLabel[member.role]}</td>
                <td className="py-2 pr-4">{[member.jobTitle, member.organisation].filter(Boolean).join(", ")}</td>
                <td className="py-2 pr-4">{member.joinedAt ? formatDate(member.joinedAt) : ""}</td>
                {page.allowed.manageMembers && (
                  <td className="space-y-2 py-2">
                    {member.roleChanges.map((role) => (
                      <ActionButton
                        key={role}
                        action={setMemberRoleAction}
                        label={`${changeLabel[role]}: ${member.name}`}
                        kind="secondary"
                        fields={{ slug, userId: member.userId, role }}
                      />
                    ))}
                    {member.canRemove && (
                      <ActionButton action={removeMemberAction} label={`Remove ${member.name}`} kind="danger" fields={{ slug, userId: member.userId }} />
                    )}
                    {member.canBan && query.ban !== member.userId && (
                      <Link href={`${base}?${new URLSearchParams({ ...query, ban: member.userId })}#ban-${member.userId}`} className="block">
                        Ban {member.name}…
                      </Link>
                    )}
                    {member.canBan && query.ban === member.userId && (
                      <div id={`ban-${member.userId}`}>
                        <ActionForm action={banAction} submitLabel={`Ban ${member.name}`} kind="danger" idPrefix="ban" className="space-y-2">
                          <input type="hidden" name="slug" value={slug} />
                          <input type="hidden" name="userId" value={member.userId} />
                          <TextField name="reason" label="Reason" />
                          <TextField name="until" label="Until (optional)" type="date" hint="Leave empty for no end date." />
                        </ActionForm>
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="flex gap-6">
        {query.cursor && <Link href={withQuery(base, { ...query, cursor: undefined })}>First page</Link>}
        {members?.nextCursor && (
          <Link href={withQuery(base, { ...query, cursor: members.nextCursor })} rel="next">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
