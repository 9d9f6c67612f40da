"use client";

import { Image } from "@tiptap/extension-image";
import { Mention } from "@tiptap/extension-mention";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Bold, Heading2, Heading3, Image as ImageIcon, Italic, Link, List, ListOrdered, Redo2, Table2, TextQuote, Undo2, type IconNode } from "lucide";
import { Fragment, useRef, useState, type KeyboardEvent } from "react";
import { Icon } from "../icon";
import { ImageDialog, type ImageUpload } from "./image-dialog";
import { mentionSuggestion } from "./mention-suggestion";
import { plainTable } from "./plain-table";

type Props = {
  /** False while the textarea is still in charge: the editor waits hidden, posting nothing. */
  active: boolean;
  id: string;
  name: string;
  initialHtml: string;
  labelledBy: string;
  describedBy?: string;
  invalid: boolean;
  mentionSlug?: string;
  /** Called once the editor can take over from the textarea. */
  onReady: (editor: Editor) => void;
  /** Where images added to the text are uploaded; without it, the editor takes no images. */
  imageUpload?: ImageUpload;
};

/** The rich-text editor: Tiptap with an accessible toolbar. It writes its HTML into a hidden field. */
export default function TiptapEditor({ active, id, name, initialHtml, labelledBy, describedBy, invalid, mentionSlug, onReady, imageUpload }: Props) {
  const hidden = useRef<HTMLInputElement>(null);
  // The image dialog: open, with a pasted or dropped picture or none.
  const [image, setImage] = useState<{ open: boolean; file: File | null }>({ open: false, file: null });
  const takeImage = (items: FileList | undefined | null) => {
    const file = [...(items ?? [])].find((f) => f.type.startsWith("image/"));
    if (!file || !imageUpload) return false;
    setImage({ open: true, file });
    return true;
  };
  const editor = useEditor({
    immediatelyRender: false,
    // The editor adds a style element of its own: it carries the page's nonce, or the
    // Content Security Policy refuses it.
    injectNonce: pageNonce(),
    content: initialHtml,
    onCreate: ({ editor: e }) => {
      if (hidden.current) hidden.current.value = e.isEmpty ? "" : e.getHTML();
      onReady(e);
    },
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        codeBlock: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: "https", HTMLAttributes: { rel: "nofollow ugc noopener", target: null } },
      }),
      ...plainTable,
      Placeholder.configure({ placeholder: "Write here. Paste from Word keeps headings, lists and tables." }),
      ...(imageUpload ? [Image.configure({ inline: false, allowBase64: false })] : []),
      ...(mentionSlug
        ? [
            Mention.extend({
              parseHTML: () => [{ tag: 'span[data-type="mention"]' }, { tag: 'a[data-type="mention"]' }],
            }).configure({ HTMLAttributes: { class: "mention" }, suggestion: mentionSuggestion(mentionSlug) }),
          ]
        : []),
    ],
    editorProps: {
      // A pasted or dropped picture is uploaded, once its description is given.
      handlePaste: (_view, event) => takeImage(event.clipboardData?.files),
      handleDrop: (_view, event) => takeImage((event as DragEvent).dataTransfer?.files),
      // Word and web pages use h1 and h4-h6; the post title is the page's h1, so shift them.
      transformPastedHTML: (html) =>
        html.replace(/<(\/?)h1\b/gi, "<$1h2").replace(/<(\/?)h[4-6]\b/gi, "<$1h3"),
      attributes: {
        // The textarea has the id until the editor takes over.
        ...(active ? { id } : {}),
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "prose-body min-h-48 px-3 py-2 focus:outline-none",
      },
    },
    onUpdate: ({ editor: e }) => {
      if (!hidden.current) return;
      hidden.current.value = e.isEmpty ? "" : e.getHTML();
      hidden.current.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
  return (
    <div hidden={!active} className={`mt-1 border-2 ${invalid ? "border-danger" : "border-ink"} focus-within:shadow-[0_0_0_3px_#ffdd00]`}>
      {/* Written by the editor only: a value or defaultValue prop would let React overwrite it on a re-render. */}
      <input ref={hidden} type="hidden" name={active ? name : undefined} />
      {editor && <Toolbar editor={editor} controls={id} onImage={imageUpload ? () => setImage({ open: true, file: null }) : undefined} />}
      <EditorContent editor={editor} />
      {editor && imageUpload && <ImageDialog editor={editor} upload={imageUpload} file={image.file} open={image.open} onClose={() => setImage({ open: false, file: null })} />}
    </div>
  );
}

type Tool = {
  label: string;
  icon: IconNode;
  /** Tools in the same group sit together, with a divider before the next group. */
  group: number;
  shortcut?: string;
  run: (e: Editor) => void;
  active?: (e: Editor) => boolean;
};

const tools: Tool[] = [
  { label: "Heading", icon: Heading2, group: 0, run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "Subheading", icon: Heading3, group: 0, run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "Bold", icon: Bold, group: 1, shortcut: "Control+B", run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", icon: Italic, group: 1, shortcut: "Control+I", run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Bulleted list", icon: List, group: 2, shortcut: "Control+Shift+8", run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", icon: ListOrdered, group: 2, shortcut: "Control+Shift+7", run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Quote", icon: TextQuote, group: 2, shortcut: "Control+Shift+B", run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
  {
    label: "Link",
    icon: Link,
    group: 3,
    run: (e) => {
      const current = e.getAttributes("link").href as string | undefined;
      const href = window.prompt("Web address for the link (leave empty to remove it)", current ?? "https://");
      if (href === null) return;
      if (!href.trim() || href.trim() === "https://") e.chain().focus().extendMarkRange("link").unsetLink().run();
      else e.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
    },
    active: (e) => e.isActive("link"),
  },
  { label: "Table", icon: Table2, group: 3, run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { label: "Undo", icon: Undo2, group: 4, shortcut: "Control+Z", run: (e) => e.chain().focus().undo().run() },
  { label: "Redo", icon: Redo2, group: 4, shortcut: "Control+Shift+Z", run: (e) => e.chain().focus().redo().run() },
];

/** "Control+Shift+8" as people read it: "Ctrl+Shift+8". */
const readable = (shortcut: string) => shortcut.replace("Control", "Ctrl");

/**
 * A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, toggles say if they are on.
 * Each button is an icon whose name (its text) shows as a tooltip on hover and keyboard focus;
 * Escape hides the tooltip until the pointer or focus moves on.
 */
function Toolbar({ editor, controls, onImage }: { editor: Editor; controls: string; onImage?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [tipsHidden, setTipsHidden] = useState(false);
  const pressed = useEditorState({
    editor,
    selector: ({ editor: e }) => tools.map((tool) => (tool.active ? tool.active(e) : null)),
  });
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      setTipsHidden(true);
      return;
    }
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === "ArrowRight" ? (index + 1) % buttons.length
      : event.key === "ArrowLeft" ? (index - 1 + buttons.length) % buttons.length
      : event.key === "Home" ? 0
      : event.key === "End" ? buttons.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    buttons.forEach((b, i) => (b.tabIndex = i === next ? 0 : -1));
    buttons[next]?.focus();
  };
  return (
    <div
      ref={ref}
      role="toolbar"
      aria-label="Formatting"
      aria-controls={controls}
      onKeyDown={move}
      onFocus={() => setTipsHidden(false)}
      onPointerOver={() => setTipsHidden(false)}
      data-tips={tipsHidden ? "hidden" : undefined}
      className="flex flex-wrap items-center gap-0.5 border-b-2 border-ink bg-panel p-1"
    >
      {[...tools, ...(onImage ? [{ label: "Image", icon: ImageIcon, group: 3, run: onImage }] : [])].map((tool: Tool, i, all) => (
        <Fragment key={tool.label}>
          {i > 0 && all[i - 1]!.group !== tool.group && <span aria-hidden="true" className="mx-1 h-6 w-px bg-muted" />}
          <button
            type="button"
            tabIndex={i === 0 ? 0 : -1}
            aria-pressed={tool.active ? Boolean(pressed?.[i]) : undefined}
            aria-keyshortcuts={tool.shortcut}
            onClick={() => tool.run(editor)}
            className="tool relative inline-flex h-9 w-9 items-center justify-center rounded text-ink hover:bg-white aria-pressed:bg-ink aria-pressed:text-white"
          >
            <Icon icon={tool.icon} size={18} />
            <span className="tool-tip">
              {tool.label}
              {tool.shortcut && <span aria-hidden="true"> ({readable(tool.shortcut)})</span>}
            </span>
          </button>
        </Fragment>
      ))}
    </div>
  );
}

/** The nonce Next.js put on the page's scripts (the browser hides the attribute, not the property). */
function pageNonce(): string | undefined {
  if (typeof document === "undefined") return undefined;
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce || undefined;
}
