"use client";

import { Image } from "@tiptap/extension-image";
import { Mention } from "@tiptap/extension-mention";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useRef, useState, type KeyboardEvent } from "react";
import { ImageDialog, type ImageUpload } from "./image-dialog";
import { mentionSuggestion } from "./mention-suggestion";

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
      Table.configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
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

type Tool = { label: string; shortcut?: string; run: (e: Editor) => void; active?: (e: Editor) => boolean };

const tools: Tool[] = [
  { label: "Heading", run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive("heading", { level: 2 }) },
  { label: "Subheading", run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive("heading", { level: 3 }) },
  { label: "Bold", shortcut: "Control+B", run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive("bold") },
  { label: "Italic", shortcut: "Control+I", run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive("italic") },
  { label: "Bulleted list", shortcut: "Control+Shift+8", run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive("bulletList") },
  { label: "Numbered list", shortcut: "Control+Shift+7", run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive("orderedList") },
  { label: "Quote", shortcut: "Control+Shift+B", run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive("blockquote") },
  {
    label: "Link",
    run: (e) => {
      const current = e.getAttributes("link").href as string | undefined;
      const href = window.prompt("Web address for the link (leave empty to remove it)", current ?? "https://");
      if (href === null) return;
      if (!href.trim() || href.trim() === "https://") e.chain().focus().extendMarkRange("link").unsetLink().run();
      else e.chain().focus().extendMarkRange("link").setLink({ href: href.trim() }).run();
    },
    active: (e) => e.isActive("link"),
  },
  { label: "Table", run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run() },
  { label: "Undo", shortcut: "Control+Z", run: (e) => e.chain().focus().undo().run() },
  { label: "Redo", shortcut: "Control+Shift+Z", run: (e) => e.chain().focus().redo().run() },
];

/** A WAI-ARIA toolbar: one tab stop, arrow keys move between buttons, toggles say if they are on. */
function Toolbar({ editor, controls, onImage }: { editor: Editor; controls: string; onImage?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const pressed = useEditorState({
    editor,
    selector: ({ editor: e }) => tools.map((tool) => (tool.active ? tool.active(e) : null)),
  });
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
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
    <div ref={ref} role="toolbar" aria-label="Formatting" aria-controls={controls} onKeyDown={move} className="flex flex-wrap gap-1 border-b-2 border-ink bg-panel p-1">
      {[...tools, ...(onImage ? [{ label: "Image", run: onImage }] : [])].map((tool: Tool, i) => (
        <button
          key={tool.label}
          type="button"
          tabIndex={i === 0 ? 0 : -1}
          aria-pressed={tool.active ? Boolean(pressed?.[i]) : undefined}
          aria-keyshortcuts={tool.shortcut}
          onClick={() => tool.run(editor)}
          className="rounded px-2 py-1 text-sm font-semibold aria-pressed:bg-ink aria-pressed:text-white hover:bg-white"
        >
          {tool.label}
        </button>
      ))}
    </div>
  );
}
