import { SiteShell } from "@/app/_components/site-shell";
import { UnverifiedNotice } from "@/app/_components/unverified-notice";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell notice={<UnverifiedNotice />}>{children}</SiteShell>;
}
