import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { Document } from "./_components/document";
import { NavigationFocus } from "./_components/navigation-focus";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roundtable", template: "%s · Roundtable" },
  description: "A confidential community of practice for people who work in public services.",
  robots: { index: false, follow: false },
};

/**
 * The browser's own bars take the colour of the site header. The site has one, light, colour
 * scheme: saying so keeps browsers in dark mode from darkening form controls and scrollbars.
 */
export const viewport: Viewport = { themeColor: "#0b0c0c", colorScheme: "light" };

/**
 * Every page is rendered for its request: each carries a fresh script nonce from the Content
 * Security Policy (proxy.ts), which a page built ahead of time could not.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <Document>
      {children}
      <Suspense fallback={null}>
        <NavigationFocus />
      </Suspense>
    </Document>
  );
}
