import { SiteShell } from "@/app/_components/site-shell";

export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell>{children}</SiteShell>;
}
