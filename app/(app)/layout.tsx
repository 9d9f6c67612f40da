import { SiteFooter, SiteHeader } from "@/app/_components/site-header";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
