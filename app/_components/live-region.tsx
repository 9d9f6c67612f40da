// A status or alert region that is in the page from the start, empty and out of sight until it
// has something to say. Screen readers announce changes to a live region they already know
// about; a region created at the same moment as its message is often not read at all.

type Props = {
  role: "status" | "alert";
  /** What to say; nothing (null, false or "") leaves the region empty. */
  children?: React.ReactNode;
  /** The look of the region while it holds a message. */
  className?: string;
  /** Names the region while it holds a message (an error summary's heading). */
  labelledBy?: string;
  as?: "p" | "div";
  /** For a region that takes the focus when it fills (an error summary). */
  ref?: React.Ref<HTMLDivElement>;
  tabIndex?: number;
};

export function LiveRegion({ role, children, className, labelledBy, as: Tag = "p", ref, tabIndex }: Props) {
  const empty = children === null || children === undefined || children === false || children === "";
  return (
    <Tag
      ref={ref as React.Ref<HTMLDivElement & HTMLParagraphElement>}
      role={role}
      tabIndex={tabIndex}
      aria-labelledby={empty ? undefined : labelledBy}
      className={empty ? "sr-only" : className}
    >
      {empty ? null : children}
    </Tag>
  );
}
