import { SiteFooter, SiteHeader } from "./site-header";

/** Header, main content and footer; the footer stays at the bottom of the window on short pages. */
export function SiteShell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
