import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
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
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col font-sans text-base leading-relaxed">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-focus focus:px-3 focus:py-2 focus:text-ink"
        >
          Skip to main content
        </a>
        {children}
        <Suspense fallback={null}>
          <NavigationFocus />
        </Suspense>
      </body>
    </html>
  );
}
