// Writes app/action-icons.css from the Lucide icons in app/_components/action-icons.ts.
// Run after changing those icons: npx tsx scripts/action-icons.ts. The output is committed.
import { writeFileSync } from "node:fs";
import { actionIconCss } from "../app/_components/action-icons";

writeFileSync("app/action-icons.css", actionIconCss());
console.log("Wrote app/action-icons.css");
