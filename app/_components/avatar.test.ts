import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { actionIconCss } from "./action-icons";
import { avatarColour, avatarColours, initials } from "./avatar";

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("avatars", () => {
  it.each([
    ["Priya Raman", "PR"],
    ["Grace", "G"],
    ["  grace   adeyemi ", "GA"],
    ["Dr Tom O'Neil", "DO"],
    ["Zoë Ørsted-Smith", "ZØ"],
    ["", "?"],
    ["— —", "?"],
  ])("gives %j the initials %j", (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it("keeps white initials at AA contrast on every colour", () => {
    for (const colour of avatarColours) expect(contrast("#ffffff", colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("gives a person the same colour every time, and different people a spread of colours", () => {
    expect(avatarColour("Priya Raman")).toBe(avatarColour("Priya Raman"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColour(`person-${i}`)));
    expect(used.size).toBe(avatarColours.length);
  });

  it("paints each colour class in globals.css with the colour of the same index", () => {
    const css = readFileSync("app/globals.css", "utf8");
    const declared = [...css.matchAll(/\.avatar-c(\d+) \{\s*background-color: (#[0-9a-f]{6});/g)].map((m) => [Number(m[1]), m[2]]);
    expect(declared).toEqual(avatarColours.map((colour, i) => [i, colour]));
  });
});

describe("action icons", () => {
  it("app/action-icons.css is what scripts/action-icons.ts makes from the Lucide icons", () => {
    expect(readFileSync("app/action-icons.css", "utf8"), "run: npx tsx scripts/action-icons.ts").toBe(actionIconCss());
  });
});
