import type { Metadata } from "next";
import Link from "next/link";
import {
  approvePostAction,
  dismissReportAction,
  hideCommentAction,
  hidePostAction,
  resolveReportAction,
  settingsAction,
  unbanAction,
} from "@/app/_actions/moderation";
import { formatDate } from "@/app/_components/community";
import { CommunityHeader } from "@/app/_components/community-header";
import { JoinRequests } from "@/app/_components/join-requests";
import { ActionButton, ActionForm, RadioGroup, TextField } from "@/app/_components/form";
import { Person } from "@/app/_components/person";
import { loadPage } from "@/app/_components/load-page";
import { requireViewer } from "@/lib/auth/request-viewer";
import { listBans } from "@/lib/moderation/people";
import { getModerationQueue, reasonLabels } from "@/lib/moderation/reports";
import { getModerationSettings } from "@/lib/moderation/settings";
import { communityTitle, loadCommunityPage } from "../load";
import { replyLink } from "@/lib/posts/reply-link";

export async function generateMetadata({ params }: PageProps<"/c/[slug]/moderation">): Promise<Metadata> {
  return { title: await communityTitle((await params).slug, "Moderation") };
}

export default async function ModerationPage({ params }: PageProps<"/c/[slug]/moderation">) {
  const { slug } = await params;
  const viewer = await requireViewer(`/c/${slug}/moderation`);
  const { data: page } = await loadPage(() => loadCommunityPage(slug));
  if (!page) return null;
  if (!page.allowed.moderate) {
    return (
      <div>
        <CommunityHeader page={page} current="moderation" title="Moderation" />
        <p>{page.refusals.moderate}</p>
      </div>
    );
  }
  const [{ data: queue }, { data: bans }, settings] = await Promise.all([
    loadPage(() => getModerationQueue(viewer, slug)),
    loadPage(() => listBans(viewer, slug)),
    loadPage(() => getModerationSettings(viewer, slug)),
  ]);
  const community = settings.data!;
  return (
    <div className="space-y-10">
      <CommunityHeader page={page} current="moderation" title="Moderation" />
      <p>
        <Link href={`/c/${slug}/moderation/log`}>See the moderation log</Link>: every action taken here, by whom and why.
      </p>

      <section aria-labelledby="reports-heading" className="space-y-4">
        {/* Announced as it changes: dealing with a report removes it, and the form that said so, from the page. */}
        <h2 id="reports-heading" className="text-2xl font-bold" aria-live="polite">
          Open reports ({queue?.reports.length ?? 0})
        </h2>
        {queue?.reports.length === 0 && <p className="text-muted">Nothing is waiting: every report has been dealt with.</p>}
        <ul className="space-y-6">
          {queue?.reports.map((report, i) => (
            <li key={report.id} className="space-y-2 border-l-4 border-danger pl-4">
              <p>
                <span className="font-semibold">{reasonLabels[report.reason]}</span>
                <span className="text-muted"> · reported by {report.reporterName ?? "a former member"} on {formatDate(report.createdAt)}</span>
              </p>
              {report.details && <blockquote className="border-l-2 border-line pl-2">{report.details}</blockquote>}
              <p>
                {report.commentId ? "A reply on " : "The post "}
                <Link href={report.commentId ? replyLink(`/c/${slug}/posts/${report.postId}`, report.commentId) : `/c/${slug}/posts/${report.postId}`}>{report.postTitle}</Link>
                {report.commentText && <span className="block text-sm text-muted">“{report.commentText}”</span>}
                {(report.commentId ? report.commentHidden : report.postHidden) && <span className="font-semibold"> (already hidden)</span>}
              </p>
              <div className="flex flex-wrap items-start gap-x-6 gap-y-4">
                {!(report.commentId ? report.commentHidden : report.postHidden) && (
                  <ActionForm
                    action={report.commentId ? hideCommentAction : hidePostAction}
                    submitLabel={report.commentId ? "Hide reply" : "Hide post"}
                    kind="danger"
                    idPrefix={`r${i}-hide`}
                    className="space-y-2"
                  >
                    <input type="hidden" name={report.commentId ? "commentId" : "postId"} value={report.commentId ?? report.postId} />
                    <TextField name="reason" label="Reason for hiding (the author sees it)" defaultValue={reasonLabels[report.reason]} />
                  </ActionForm>
                )}
                <ActionForm action={resolveReportAction} submitLabel="Resolve" idPrefix={`r${i}-resolve`} className="space-y-2">
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="reportId" value={report.id} />
                  <TextField name="note" label="Note (optional)" />
                </ActionForm>
                <ActionForm action={dismissReportAction} submitLabel="Dismiss" kind="secondary" idPrefix={`r${i}-dismiss`} className="space-y-2">
                  <input type="hidden" name="slug" value={slug} />
                  <input type="hidden" name="reportId" value={report.id} />
                  <TextField name="note" label="Why no action (optional)" />
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      </section>

      <JoinRequests page={page} emptyText="Nobody is waiting to join." />

      <section aria-labelledby="pending-heading" className="space-y-3">
        <h2 id="pending-heading" className="text-2xl font-bold">
          Posts awaiting approval ({queue?.pending.length ?? 0})
        </h2>
        {queue?.pending.length === 0 && <p className="text-muted">No posts are waiting for approval.</p>}
        <ul className="space-y-3">
          {queue?.pending.map((post) => (
            <li key={post.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
              <span>
                <Link href={`/c/${slug}/posts/${post.id}`}>{post.title}</Link>
                <span className="text-muted"> · {post.authorName ?? "a former member"}, {formatDate(post.createdAt)}</span>
              </span>
              <ActionButton action={approvePostAction} label={`Approve “${post.title}”`} size="sm" fields={{ postId: post.id }} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="settings-heading" className="max-w-2xl space-y-3">
        <h2 id="settings-heading" className="text-2xl font-bold">
          Settings
        </h2>
        <ActionForm action={settingsAction} submitLabel="Save settings" idPrefix="settings">
          <input type="hidden" name="slug" value={slug} />
          <RadioGroup
            name="premoderation"
            legend="Whose new posts wait for a facilitator's approval?"
            defaultValue={community.premoderation}
            options={[
              { value: "off", label: "Nobody's" },
              { value: "new_members", label: "Members who joined recently", hint: "Set how recently below." },
              { value: "everyone", label: "Everyone's, except facilitators" },
            ]}
          />
          <TextField name="premoderationDays" label="“Recently” means within this many days" defaultValue={String(community.premoderationDays)} width="max-w-24" />
          <RadioGroup
            name="allowNonMemberComments"
            legend="Who can reply to posts?"
            defaultValue={String(community.allowNonMemberComments)}
            options={[
              { value: "false", label: "Members only" },
              { value: "true", label: "Anyone signed in, if the community is open" },
            ]}
          />
          <RadioGroup
            name="allowMemberEvents"
            legend="Who can arrange events?"
            defaultValue={String(community.allowMemberEvents)}
            options={[
              { value: "false", label: "Facilitators only" },
              { value: "true", label: "Any member" },
            ]}
          />
        </ActionForm>
      </section>

      <section aria-labelledby="bans-heading" className="space-y-3">
        <h2 id="bans-heading" className="text-2xl font-bold">
          Banned
        </h2>
        {bans?.length === 0 && <p className="text-muted">Nobody is banned. To ban someone, use the members page.</p>}
        <ul className="space-y-3">
          {bans?.map((ban) => (
            <li key={ban.userId} className="flex flex-wrap items-center justify-between gap-3 border-b border-line pb-3">
              <Person person={{ id: ban.userId, name: ban.name }} link={false}>
                <span className="block text-sm text-muted">
                  {ban.reason}
                  {ban.until ? ` · until ${formatDate(ban.until)}` : " · with no end date"}
                </span>
              </Person>
              <ActionButton action={unbanAction} label={`Lift the ban on ${ban.name}`} kind="secondary" size="sm" fields={{ slug, userId: ban.userId }} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
