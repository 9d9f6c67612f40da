import sanitizeHtml from "sanitize-html";
export { plainTextToHtml } from "./plain-text";

// Rich text is stored as HTML that has been through this allow-list on the server. Anything
// not listed here (scripts, styles, event handlers, frames, forms, odd URL schemes) is dropped.

const LINK_REL = "nofollow ugc noopener";

const baseOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "ul", "ol", "li", "a",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td", "span", "img",
  ],
  allowedAttributes: {
    a: ["href", "rel", "data-type", "data-id", "data-label"],
    span: ["data-type", "data-id", "data-label", "class"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    img: ["src", "alt"],
  },
  allowedClasses: { span: ["mention"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "template", "xmp", "iframe", "object"],
  parser: { lowerCaseAttributeNames: true },
  transformTags: {
    // Headings start at h2: the page's h1 is the post title.
    h1: "h2",
    h5: "h4",
    h6: "h4",
    b: "strong",
    i: "em",
    a: (tagName, attribs) => baseLink(tagName, attribs),
  },
  exclusiveFilter: (frame) => (frame.tag === "a" && !frame.attribs.href) || (frame.tag === "img" && !isOwnImage(frame.attribs)),
};

/** Our own uploaded file, by its address on this site, with a description for people who cannot see it. */
export const OWN_FILE_SRC = /^\/files\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Images are kept only when they are our own files (checked on every download) and have alt text. */
function isOwnImage(attribs: sanitizeHtml.Attributes): boolean {
  return OWN_FILE_SRC.test(attribs.src ?? "") && Boolean(attribs.alt?.trim());
}

/** Cleans user HTML to the allow-list. Links get rel="nofollow ugc noopener". */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, baseOptions).trim();
}

/** The words of some HTML, for search and for checking that a body is not empty. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h\d|li|blockquote|tr|pre)>|<br\s*\/?>/gi, "$&\n"), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n")
    .trim();
}

const isMention = (attribs: sanitizeHtml.Attributes) => attribs["data-type"] === "mention" && Boolean(attribs["data-id"]);

/** The user ids of the mentions in some HTML, as the editor marks them. */
export function mentionedIds(html: string): string[] {
  const ids = new Set<string>();
  sanitizeHtml(html, {
    allowedTags: ["span", "a"],
    allowedAttributes: { span: ["data-type", "data-id"], a: ["data-type", "data-id"] },
    exclusiveFilter: (frame) => {
      if (isMention(frame.attribs)) ids.add(frame.attribs["data-id"]!);
      return false;
    },
  });
  return [...ids];
}

/**
 * Mentions of people who may read the post become links to their profile; the rest stay
 * plain text, so that nobody is pointed at a conversation they cannot see.
 */
export function resolveMentions(html: string, allowed: Set<string>): string {
  const mention = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    if (!isMention(attribs)) return tagName === "a" ? baseLink(tagName, attribs) : { tagName, attribs: {} };
    const id = attribs["data-id"]!;
    const kept = { "data-type": "mention", "data-id": id, "data-label": attribs["data-label"] ?? "" };
    return allowed.has(id)
      ? { tagName: "a", attribs: { ...kept, href: `/people/${id}`, rel: LINK_REL } }
      : { tagName: "span", attribs: { ...kept, class: "mention" } };
  };
  return sanitizeHtml(html, {
    ...baseOptions,
    transformTags: { ...baseOptions.transformTags, span: mention, a: mention },
  }).trim();
}

function baseLink(tagName: string, attribs: sanitizeHtml.Attributes) {
  return { tagName, attribs: { ...attribs, rel: LINK_REL } };
}
