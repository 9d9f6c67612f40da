import type { Metadata } from "next";
import Link from "next/link";
import { removeMemberAction, setMemberRoleAction } from "@/app/_actions/communities";
import { banAction } from "@/app/_actions/moderation";
import { Avatar } from "@/app/_components/avatar";
import { buttonClass } from "@/app/_components/button-styles";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { ActionButton, ActionForm, TextField } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { Pager } from "@/app/_components/pager";
import { pageQuery, withQuery } from "@/app/_components/query";
import { SearchBox } from "@/app/_components/search-box";
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
  const manage = page.allowed.manageMembers;
  return (
    <div className="space-y-6">
      <CommunityHeader page={page} current="members" title="Members" />
      <SearchBox id="members-q" label="Search by name, organisation or job title" formLabel="Members" defaultValue={query.q ?? ""} error={error?.message} />
      {members && members.items.length === 0 && (
        <p>
          {query.q ? (
            <>
              No members match “{query.q}”. <Link href={base}>See every member</Link>.
            </>
          ) : (
            "There are no members yet."
          )}
        </p>
      )}
      {members && members.items.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-label="Member list" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Members of {page.community.name}</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="hidden py-2 pr-4 sm:table-cell">Joined</th>
                {manage && <th scope="col" className="py-2">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {members.items.map((member) => (
                <tr key={member.userId} className="border-b border-line align-top">
                  <td className="py-3 pr-4">
                    <div className="flex items-start gap-3">
                      <Avatar name={member.name} seed={member.userId} size="sm" />
                      <div>
                        <span className="font-semibold">{member.name}</span>
                        {(member.jobTitle || member.organisation) && (
                          <span className="block text-sm text-muted">{[member.jobTitle, member.organisation].filter(Boolean).join(", ")}</span>
                        )}
                        {/* On a phone the date joined moves under the name. */}
                        {member.joinedAt && <span className="block text-sm text-muted sm:hidden">Joined {formatDate(member.joinedAt)}</span>}
                      </div>
                    </div>
                  </td>
                  <td className="py-3 pr-4">{roleLabel[member.role]}</td>
                  <td className="hidden py-3 pr-4 whitespace-nowrap sm:table-cell">{member.joinedAt ? formatDate(member.joinedAt) : ""}</td>
                  {manage && (
                    <td className="min-w-64 py-3">
                      <div className="flex flex-wrap items-center gap-2">
                      {member.roleChanges.map((role) => (
                        <ActionButton
                          key={role}
                          action={setMemberRoleAction}
                          label={changeLabel[role]}
                          labelSuffix={`: ${member.name}`}
                          kind="secondary"
                          size="sm"
                          fields={{ slug, userId: member.userId, role }}
                        />
                      ))}
                      {member.canRemove && (
                        <ActionButton action={removeMemberAction} label="Remove" labelSuffix={` ${member.name}`} kind="danger" size="sm" fields={{ slug, userId: member.userId }} />
                      )}
                      {member.canBan && query.ban !== member.userId && (
                        <Link href={`${base}?${new URLSearchParams({ ...query, ban: member.userId })}#ban-${member.userId}`} className={buttonClass("link", "sm")}
                          aria-label={`Ban ${member.name}…`}
                        >
                          Ban…
                        </Link>
                      )}
                      </div>
                      {member.canBan && query.ban === member.userId && (
                        <div id={`ban-${member.userId}`}>
                          <ActionForm action={banAction} submitLabel={`Ban ${member.name}`} kind="danger" size="sm" idPrefix="ban" className="space-y-2">
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
        </div>
      )}
      <Pager
        label="Pages"
        first={query.cursor ? { href: withQuery(base, { ...query, cursor: undefined }), text: "First page" } : null}
        next={members?.nextCursor ? { href: withQuery(base, { ...query, cursor: members.nextCursor }), text: "Next page" } : null}
      />
    </div>
  );
}
