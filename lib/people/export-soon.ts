import { after } from "next/server";

/** Runs the export right after the current response; outside a request the scheduled run does it. */
export function exportSoon(id: string): void {
  try {
    after(async () => {
      const { runExport } = await import("./export");
      await runExport(id);
    });
  } catch {
    // Outside a request there is nothing to hang it on: the scheduled run picks the job up.
  }
}
