import { describe, expect, it } from "vitest";
import { avatarBackground, avatarColour, avatarColours, initials } from "./avatar";

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

  it("paints each colour with a class of that colour, not a style attribute", () => {
    for (let i = 0; i < 50; i++) expect(avatarBackground(`person-${i}`)).toBe(`bg-[${avatarColour(`person-${i}`)}]`);
  });
});
