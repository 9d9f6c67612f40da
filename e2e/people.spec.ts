import { readFileSync } from "node:fs";
import JSZip from "jszip";
import sharp from "sharp";
import type { Locator, Page } from "@playwright/test";
import { demo, expect, expectAccessible, signIn, signUp, test, visit } from "./support/fixtures";
import { pressOn as press } from "./support/keyboard";

// A new member fills in their profile by keyboard alone, choosing who sees what; a colleague
// finds them by their expertise, opens their page and their organisation's page.

async function typeInto(page: Page, locator: Locator, text: string) {
  await locator.focus();
  await page.keyboard.press("ControlOrMeta+a");
  // Long text goes in as one input, as a paste or dictation would, not 700 keystrokes.
  if (text.length > 100) await page.keyboard.insertText(text);
  else await page.keyboard.type(text);
}

test("a member edits their profile by keyboard; a colleague finds them by expertise and sees only what they show", async ({ browser }) => {
  const stamp = Date.now().toString(36);
  const name = `Rowan Fieldmouse ${stamp}`;
  const expertise = `hedgerow budgets ${stamp}`;
  const newcomer = await (await browser.newContext()).newPage();
  const account = await signUp(newcomer.request, name);
  await signIn(newcomer.request, account.email, account.password);

  await visit(newcomer, "/settings");
  await typeInto(newcomer, newcomer.getByRole("textbox", { name: "Job title", exact: true }), "Hedgerow officer");
  await typeInto(newcomer, newcomer.getByRole("combobox", { name: "Organisation", exact: true }), `Fieldmouse District Council ${stamp}.`);
  await typeInto(newcomer, newcomer.getByRole("textbox", { name: "Expertise", exact: true }), expertise);
  // Keyboard choice in a drop-down list: focus it and type the start of the option.
  await newcomer.getByRole("combobox", { name: "Area of work", exact: true }).focus();
  await newcomer.keyboard.type("Environment");
  await newcomer.getByRole("combobox", { name: "Who can see your job title" }).focus();
  await newcomer.keyboard.type("Only");
  await typeInto(newcomer, newcomer.getByRole("textbox", { name: "A short bio" }), "x".repeat(700));
  await press(newcomer, newcomer.getByRole("button", { name: "Save profile" }));
  // Too long: the message is beside the field, and nothing typed is lost.
  await expect(newcomer.getByText("The short bio must be 600 characters or fewer.").first()).toBeVisible();
  await expect(newcomer.getByRole("textbox", { name: "Expertise", exact: true })).toHaveValue(expertise);
  await expectAccessible(newcomer);
  await typeInto(newcomer, newcomer.getByRole("textbox", { name: "A short bio" }), "I look after hedgerows.");
  await press(newcomer, newcomer.getByRole("button", { name: "Save profile" }));
  await expect(newcomer.getByText("Your profile is saved.")).toBeVisible();
  await expect(newcomer.getByRole("combobox", { name: "Organisation", exact: true })).toHaveValue(`Fieldmouse District Council ${stamp}`);
  await expectAccessible(newcomer);

  // A photo: chosen in the file field (the system's file picker is outside the page), saved by keyboard.
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#0b6b3a" } }).png().toBuffer();
  await newcomer.getByLabel("Photo", { exact: true }).setInputFiles({ name: "me.png", mimeType: "image/png", buffer: png });
  await press(newcomer, newcomer.getByRole("button", { name: "Save photo" }));
  await expect(newcomer.getByText("Your photo is saved.")).toBeVisible();
  await expectAccessible(newcomer);

  // A colleague finds them by expertise, typed differently, by keyboard.
  const colleague = await (await browser.newContext()).newPage();
  await signIn(colleague.request, demo.member);
  await visit(colleague, "/people");
  await typeInto(colleague, colleague.getByRole("searchbox", { name: "Expertise", exact: true }), expertise.toUpperCase());
  await press(colleague, colleague.getByRole("button", { name: "Find people" }));
  const found = colleague.getByRole("link", { name });
  await expect(found).toBeVisible();
  await expectAccessible(colleague);
  await press(colleague, found);
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(colleague.getByText("Environment and climate")).toBeVisible();
  await expect(colleague.getByText("Hedgerow officer")).toHaveCount(0);
  // Their photo, as the page shows it: our square re-encoded copy.
  await expect(colleague.locator(`img[src="${new URL(colleague.url()).pathname}/photo"]`)).toHaveJSProperty("naturalWidth", 256);
  await expectAccessible(colleague);
  await press(colleague, colleague.getByRole("link", { name: `Fieldmouse District Council ${stamp}` }));
  await expect(colleague.getByRole("heading", { level: 1 })).toHaveText(`Fieldmouse District Council ${stamp}`);
  await expect(colleague.getByRole("link", { name })).toBeVisible();
  await expectAccessible(colleague);

  // The newcomer downloads everything they gave, and opens the archive.
  await visit(newcomer, "/settings/export");
  await press(newcomer, newcomer.getByRole("button", { name: "Make my export" }));
  await expect(newcomer.getByText("We are making your export.")).toBeVisible();
  const link = newcomer.getByRole("link", { name: /Download your export/ });
  await expect(async () => {
    await newcomer.reload();
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expectAccessible(newcomer);
  const download = newcomer.waitForEvent("download");
  await press(newcomer, link);
  const zip = await JSZip.loadAsync(readFileSync((await (await download).path())!));
  const html = await zip.file("roundtable-export/index.html")!.async("string");
  expect(html).toContain(name);
  expect(html).toContain(expertise);
  expect(JSON.parse(await zip.file("roundtable-export/data.json")!.async("string")).profile.whoSees.jobTitle).toBe("nobody");
});
