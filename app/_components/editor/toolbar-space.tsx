/**
 * The editor's toolbar is this many buttons in each group, with a divider between groups (the
 * Image button, where the field takes images, is a group of its own at the end). Kept beside
 * the tools in tiptap-editor.tsx: the e2e layout check fails if the two disagree.
 */
export const toolGroups = (withImage: boolean) => (withImage ? [2, 2, 3, 2, 2, 1] : [2, 2, 3, 2, 2]);

/**
 * An empty bar the size of the editor's toolbar, above the plain text box while the editor
 * loads: it wraps as the toolbar does, so the text does not jump down when the editor takes
 * over, and a click aimed at it cannot land on a toolbar button instead.
 */
export function ToolbarSpace({ withImage }: { withImage: boolean }) {
  return (
    <div aria-hidden="true" data-toolbar-space="" className="mt-1 flex flex-wrap items-center gap-0.5 border-2 border-b-0 border-ink bg-panel p-1">
      {toolGroups(withImage).map((size, group) => (
        <span key={group} className="contents">
          {group > 0 && <span className="mx-1 h-6 w-px bg-muted" />}
          {Array.from({ length: size }, (_, i) => (
            <span key={i} className="h-9 w-9" />
          ))}
        </span>
      ))}
    </div>
  );
}
