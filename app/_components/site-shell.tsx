import { SiteFooter, SiteHeader } from "./site-header";

/**
 * Header, main content and footer; the footer stays at the bottom of the window on short pages.
 * A `notice` (such as "confirm your email address") sits between the header and the content.
 */
export function SiteShell({ children, notice }: { children: React.ReactNode; notice?: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      {notice}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
