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

/**
 * Icons drawn once per page, for controls repeated on every item of a long list (a thread's
 * replies): each use is then a short <use> reference instead of the icon's whole path data,
 * in the HTML and again in the page's RSC payload. Render it once, before or after the list.
 */
export function IconSprite({ icons }: { icons: Record<string, IconNode> }) {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="absolute">
      {Object.entries(icons).map(([name, icon]) => (
        <symbol key={name} id={`icon-${name}`} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
          {icon.map(([tag, attrs], index) => createElement(tag, { key: index, ...attrs }))}
        </symbol>
      ))}
    </svg>
  );
}

/** One icon from the page's IconSprite, by the name it was given there. */
export function SpriteIcon({ name, size = 16 }: { name: string; size?: number }) {
  return (
    <svg width={size} height={size} aria-hidden="true" focusable="false" className="shrink-0">
      <use href={`#icon-${name}`} />
    </svg>
  );
}
