import { escapeHtml } from "@/lib/content/plain-text";
import { archivePage } from "./export-archive";

// The readable page of a community's export: the same as its JSON, laid out for people.

type Written = { id: string; community: string; author: string | null; body: string; createdAt: string };
export type CommunityExportData = {
  exportedAt: string;
  community: { name: string; slug: string; purpose: string };
  /** The community and the sub-communities under it that the exporter reads. */
  communities: { name: string; slug: string }[];
  posts: (Written & { kind: string; title: string; tags: string[] })[];
  replies: (Written & { postId: string; postTitle: string })[];
  documents: { id: string; community: string; title: string; status: string; body: string; createdAt: string; updatedAt: string }[];
  /** Active members, each field null unless the member lets the exporter see it. */
  members: {
    id: string;
    name: string;
    role: string;
    joinedAt: string | null;
    jobTitle: string | null;
    organisation: string | null;
    areaOfWork: string | null;
    region: string | null;
    expertise: string[] | null;
  }[];
};

const by = (author: string | null) => escapeHtml(author ?? "A former member");
const item = (heading: string, meta: string, body: string) =>
  `<article><h3>${escapeHtml(heading)}</h3><p>${meta}</p><div class="body">${escapeHtml(body)}</div></article>`;

export function readableCommunityExport(data: CommunityExportData): string {
  const name = escapeHtml(data.community.name);
  const posts = data.posts.map((p) => item(p.title, `${escapeHtml(p.kind)} by ${by(p.author)} in ${escapeHtml(p.community)}, ${escapeHtml(p.createdAt)}`, p.body)).join("");
  const replies = data.replies.map((r) => item(`On “${r.postTitle}”`, `by ${by(r.author)} in ${escapeHtml(r.community)}, ${escapeHtml(r.createdAt)}`, r.body)).join("");
  const documents = data.documents.map((d) => item(d.title, `${escapeHtml(d.status.replaceAll("_", " "))} in ${escapeHtml(d.community)}, last changed ${escapeHtml(d.updatedAt)}`, d.body)).join("");
  const members = data.members
    .map((m) => {
      const details = [m.jobTitle, m.organisation, m.areaOfWork, m.region, m.expertise?.join(", ")].filter(Boolean).map((v) => escapeHtml(String(v)));
      return `<li>${escapeHtml(m.name)} (${escapeHtml(m.role)})${details.length ? `: ${details.join(" · ")}` : ""}</li>`;
    })
    .join("");
  return archivePage(
    `${data.community.name}: Roundtable export`,
    `<h1>${name}: Roundtable export</h1><p>Made ${escapeHtml(data.exportedAt)}.</p><p>${escapeHtml(data.community.purpose)}</p>
<h2>Communities included</h2><ul>${data.communities.map((c) => `<li>${escapeHtml(c.name)}</li>`).join("")}</ul>
<h2>Posts (${data.posts.length})</h2>${posts}
<h2>Replies (${data.replies.length})</h2>${replies}
<h2>Documents (${data.documents.length})</h2>${documents}
<h2>Members (${data.members.length})</h2><p>Each member's details appear only where they let you see them.</p><ul>${members}</ul>`,
  );
}
