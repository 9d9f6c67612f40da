import JSZip from "jszip";
import { escapeHtml } from "@/lib/content/plain-text";

// An export as a zip: everything as JSON for machines, and the same as one readable web page.
// Bodies are shown as plain text, so the archive runs no script and loads nothing. The member's
// own export is laid out here; a community's in export-community-archive.ts.

export type ExportedPost = { id: string; community: string; kind: string; title: string; body: string; tags: string[]; createdAt: string };
export type ExportedReply = { id: string; community: string; postTitle: string; body: string; createdAt: string };
export type ExportData = {
  exportedAt: string;
  profile: Record<string, unknown>;
  communities: { name: string; role: string }[];
  posts: ExportedPost[];
  replies: ExportedReply[];
};

/** What a collector hands the job: the data, and the readable page made from it. */
export type ExportContent = { data: unknown; html: string };

export const archivePage = (title: string, body: string) => `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}article{border-top:1px solid #b1b4b6;padding:.5rem 0}.body{white-space:pre-line}</style>
</head><body><main>${body}</main></body></html>`;

export function readableMemberExport(data: ExportData): string {
  const profile = Object.entries(data.profile)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(Array.isArray(value) ? value.join(", ") : String(value ?? ""))}</dd>`)
    .join("");
  const communities = data.communities.map((c) => `<li>${escapeHtml(c.name)} (${escapeHtml(c.role)})</li>`).join("");
  const posts = data.posts
    .map((p) => `<article><h3>${escapeHtml(p.title)}</h3><p>${escapeHtml(p.kind)} in ${escapeHtml(p.community)}, ${escapeHtml(p.createdAt)}</p><div class="body">${escapeHtml(p.body)}</div></article>`)
    .join("");
  const replies = data.replies
    .map((r) => `<article><h3>On “${escapeHtml(r.postTitle)}”</h3><p>in ${escapeHtml(r.community)}, ${escapeHtml(r.createdAt)}</p><div class="body">${escapeHtml(r.body)}</div></article>`)
    .join("");
  return archivePage(
    "Your Roundtable export",
    `<h1>Your Roundtable export</h1><p>Made ${escapeHtml(data.exportedAt)}.</p>
<h2>Your profile and settings</h2><dl>${profile}</dl>
<h2>Your communities</h2><ul>${communities}</ul>
<h2>Your posts (${data.posts.length})</h2>${posts}
<h2>Your replies (${data.replies.length})</h2>${replies}`,
  );
}

export async function exportArchive({ data, html }: ExportContent): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("roundtable-export/data.json", JSON.stringify(data, null, 2));
  zip.file("roundtable-export/index.html", html);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
