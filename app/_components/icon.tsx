import { createElement } from "react";
import type { IconNode } from "lucide";

// Icons from the Lucide set, drawn as inline SVG where they are rendered (on the server for
// pages): no icon font and no client component. Pass the icon's data from "lucide":
//   import { ThumbsUp } from "lucide";  <Icon icon={ThumbsUp} />
// Icons are decorative: the words beside them (or a label) say what the control does.

export function Icon({ icon, size = 18, className = "" }: { icon: IconNode; size?: number; className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={`shrink-0 ${className}`}
    >
      {icon.map(([tag, attrs], index) => createElement(tag, { key: index, ...attrs }))}
    </svg>
  );
}
