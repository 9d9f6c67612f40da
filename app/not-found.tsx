import { NotFoundMessage } from "./_components/not-found-message";
import { SiteShell } from "./_components/site-shell";

export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundMessage />
    </SiteShell>
  );
}
