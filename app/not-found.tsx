import { NotFoundMessage } from "./_components/not-found-message";
import { SiteFooter, SiteHeader } from "./_components/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        <NotFoundMessage />
      </main>
      <SiteFooter />
    </>
  );
}
