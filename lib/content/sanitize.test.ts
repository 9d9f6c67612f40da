import { describe, expect, it } from "vitest";
import { htmlToText, mentionedIds, plainTextToHtml, resolveMentions, sanitizeRichText } from "./sanitize";
import { xssCorpus } from "@/test/support/xss-corpus";

const ACTIVE = /<(script|iframe|object|embed|svg|math|form|input|meta|style|img|body|details|template)\b|\son\w+\s*=|javascript:|vbscript:|data:|expression\(|srcdoc|style=/i;

const unsafeHref = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].some((m) => !/^(https?:|mailto:|\/[^/])/.test(m[1]!));

describe("sanitising rich text", () => {
  it("uses a corpus in which every payload is dangerous as it stands", () => {
    for (const payload of xssCorpus) expect(ACTIVE.test(payload) || unsafeHref(payload), payload).toBe(true);
  });

  for (const payload of xssCorpus) {
    it(`neutralises ${payload.slice(0, 60)}`, () => {
      const clean = sanitizeRichText(payload);
      expect(clean).not.toMatch(ACTIVE);
      expect(unsafeHref(clean)).toBe(false);
    });
  }

  it("keeps the structure people write: headings, emphasis, lists, links, quotes and tables", () => {
    const html = `<h1>Title</h1><p><b>Bold</b> and <i>italic</i> and <a href="https://gov.uk/guidance">a link</a></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>Quote</p></blockquote><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>C</td></tr></tbody></table>`;
    expect(sanitizeRichText(html)).toBe(
      `<h2>Title</h2><p><strong>Bold</strong> and <em>italic</em> and <a href="https://gov.uk/guidance" rel="nofollow ugc noopener">a link</a></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>Quote</p></blockquote><table><thead><tr><th>H</th></tr></thead><tbody><tr><td>C</td></tr></tbody></table>`,
    );
  });

  it("drops Word's styling and keeps its structure", () => {
    const word = `<p class=MsoNormal style='margin:0cm;font-family:"Calibri"'><b><span style='font-size:14pt'>Heading<o:p></o:p></span></b></p><p class=MsoListParagraph style='mso-list:l0 level1 lfo1'>Item</p>`;
    expect(sanitizeRichText(word)).toBe(`<p><strong><span>Heading</span></strong></p><p>Item</p>`);
  });

  it("keeps images only from our own files, with alt text, and nothing else on them", () => {
    const own = "/files/0b5f2c3e-8a1d-4c6e-9f00-1234567890ab";
    expect(sanitizeRichText(`<p>x</p><img src="${own}" alt="Bar chart" onerror="alert(1)" style="x" width="9">`)).toBe(`<p>x</p><img src="${own}" alt="Bar chart" />`);
    for (const bad of [`<img src="${own}">`, `<img src="${own}" alt=" ">`, `<img src="https://evil.example/x.png" alt="x">`, `<img src="//evil.example${own}" alt="x">`, `<img src="${own}?x=1" alt="x">`, `<img src="data:image/png;base64,AAAA" alt="x">`]) {
      expect(sanitizeRichText(bad), bad).toBe("");
    }
  });

  it("replaces any rel a link brought with it", () => {
    expect(sanitizeRichText(`<a href="https://x.org" rel="opener">x</a>`)).toBe(`<a href="https://x.org" rel="nofollow ugc noopener">x</a>`);
  });
});

describe("text for search", () => {
  it("keeps the words and line breaks, without markup", () => {
    expect(htmlToText(`<h2>Fees &amp; charges</h2><p>One<br>two</p><ul><li>three</li></ul>`)).toBe("Fees & charges\nOne\ntwo\nthree");
  });
  it("turns the no-script textarea into escaped paragraphs", () => {
    expect(plainTextToHtml("First <b>line</b>\nsecond\n\n\nNext para")).toBe("<p>First &lt;b&gt;line&lt;/b&gt;<br>second</p><p>Next para</p>");
  });
});

describe("mentions", () => {
  const html = `<p>Ask <span data-type="mention" data-id="a1" data-label="Ann">@Ann</span> and <span data-type="mention" data-id="b2" data-label="Bo">@Bo</span></p>`;
  it("finds who is mentioned", () => {
    expect(mentionedIds(html)).toEqual(["a1", "b2"]);
  });
  it("links only those who may read the post", () => {
    expect(resolveMentions(html, new Set(["a1"]))).toBe(
      `<p>Ask <a data-type="mention" data-id="a1" data-label="Ann" href="/people/a1" rel="nofollow ugc noopener">@Ann</a> and <span data-type="mention" data-id="b2" data-label="Bo" class="mention">@Bo</span></p>`,
    );
  });
  it("unlinks a mention whose reader has since lost access", () => {
    const linked = resolveMentions(html, new Set(["a1", "b2"]));
    expect(mentionedIds(linked)).toEqual(["a1", "b2"]);
    expect(resolveMentions(linked, new Set())).not.toContain("href");
  });
});
