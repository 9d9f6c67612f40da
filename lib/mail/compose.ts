import { escapeHtml } from "@/lib/content/plain-text";

// Every notification email and digest is laid out here, as accessible HTML and as plain
// text with the same words: a language, real headings, links that say where they go, no
// layout tables, and colours that hold up when a mail client switches to dark mode.

export type EmailLink = { href: string; text: string };
export type EmailItem = {
  heading: string;
  /** A short extract of what was written, as plain text. */
  excerpt?: string | null;
  detail?: string | null;
  link?: EmailLink | null;
};
export type EmailSection = { heading?: string; items: EmailItem[] };
export type EmailContent = {
  subject: string;
  /** The line mail clients show beside the subject. */
  preheader: string;
  heading: string;
  intro?: string;
  sections: EmailSection[];
  /** Said after the content, such as "Reply to this email to reply on Roundtable." */
  closing?: string;
  /** Why they get it, and how to get less. */
  footer: { why: string; links: EmailLink[] };
};

const STYLE = `body{margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5}
main{max-width:640px}
h1{font-size:22px;margin:0 0 16px}
h2{font-size:18px;margin:24px 0 8px}
h3{font-size:16px;margin:16px 0 4px}
a{color:#1d70b8;text-decoration:underline}
blockquote{margin:8px 0;padding:0 0 0 12px;border-left:4px solid #b1b4b6}
.muted{color:#505a5f;font-size:14px}
@media (prefers-color-scheme: dark){a{color:#8ab4f8}.muted{color:#c7cacc}blockquote{border-left-color:#6f777b}}`;

const e = escapeHtml;

function itemHtml(item: EmailItem, level: "h2" | "h3"): string {
  return [
    `<${level}>${e(item.heading)}</${level}>`,
    item.excerpt ? `<blockquote><p>${e(item.excerpt).replace(/\n+/g, "<br>")}</p></blockquote>` : "",
    item.detail ? `<p>${e(item.detail)}</p>` : "",
    item.link ? `<p><a href="${e(item.link.href)}">${e(item.link.text)}</a></p>` : "",
  ].join("\n");
}

function itemText(item: EmailItem): string {
  return [
    item.heading,
    item.excerpt ? item.excerpt.split("\n").map((line) => `> ${line}`).join("\n") : "",
    item.detail ?? "",
    item.link ? `${item.link.text}: ${item.link.href}` : "",
  ]
    .filter(Boolean)
    .join("\n");
}

export function renderEmail(content: EmailContent): { html: string; text: string } {
  const sections = content.sections
    .map((section) => {
      const level = section.heading ? "h3" : "h2";
      return [section.heading ? `<h2>${e(section.heading)}</h2>` : "", ...section.items.map((item) => itemHtml(item, level))].join("\n");
    })
    .join("\n");
  const footerLinks = content.footer.links.map((l) => `<a href="${e(l.href)}">${e(l.text)}</a>`).join(" · ");
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(content.subject)}</title>
<style>${STYLE}</style>
</head>
<body>
<div style="display:none;max-height:0;overflow:hidden">${e(content.preheader)}</div>
<main>
<h1>${e(content.heading)}</h1>
${content.intro ? `<p>${e(content.intro)}</p>` : ""}
${sections}
${content.closing ? `<p>${e(content.closing)}</p>` : ""}
<hr>
<footer>
<p class="muted">${e(content.footer.why)}</p>
<p class="muted">${footerLinks}</p>
</footer>
</main>
</body>
</html>
`;
  const text = [
    content.heading,
    content.intro ?? "",
    ...content.sections.map((section) => [section.heading ? `== ${section.heading} ==` : "", ...section.items.map(itemText)].filter(Boolean).join("\n\n")),
    content.closing ?? "",
    "--",
    content.footer.why,
    ...content.footer.links.map((l) => `${l.text}: ${l.href}`),
  ]
    .filter(Boolean)
    .join("\n\n");
  return { html, text: `${text}\n` };
}
