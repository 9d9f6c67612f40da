import { SiteFooter, SiteHeader } from "@/app/_components/site-header";
import { UnverifiedNotice } from "@/app/_components/unverified-notice";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <UnverifiedNotice />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
