import Link from "next/link";
import { setCommunityWatchAction } from "@/app/_actions/notifications";
import { ActionForm } from "@/app/_components/form";
import type { CommunityWatch } from "@/lib/notifications/watches";
import { WatchFields } from "@/app/_components/watch-fields";

/** A member's notification settings for this community, beside its discussions. */
export function WatchPanel({ community, watch }: { community: { slug: string }; watch: CommunityWatch }) {
  return (
    <section aria-labelledby="watch-heading" className="space-y-3 bg-panel p-4">
      <h2 id="watch-heading" className="text-xl font-bold">
        Notifications
      </h2>
      <ActionForm action={setCommunityWatchAction} submitLabel="Save notification settings" idPrefix="watch" kind="secondary">
        <WatchFields slug={community.slug} watch={watch} />
      </ActionForm>
      <p className="text-sm">
        <Link href="/settings/notifications">All your notification and email settings</Link>
      </p>
    </section>
  );
}
