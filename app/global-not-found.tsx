import type { Metadata } from "next";
import { connection } from "next/server";
import { Document } from "./_components/document";
import { NotFoundMessage } from "./_components/not-found-message";
import { SiteShell } from "./_components/site-shell";
import "./globals.css";

export const metadata: Metadata = { title: "Page not found · Roundtable", robots: { index: false, follow: false } };

/**
 * The page for an address that matches no route. Served on its own, without the root layout, so
 * that no other page carries it: a root not-found.tsx is rendered into every page's payload (with
 * the signed-in header) in case a page below it is not found.
 */
export default async function GlobalNotFound() {
  await connection();
  return (
    <Document>
      <SiteShell>
        <NotFoundMessage />
      </SiteShell>
    </Document>
  );
}
