import type { Metadata } from "next";
import Link from "next/link";
import { setCommunityWatchAction, setEmailPreferencesAction } from "@/app/_actions/notifications";
import { formatDate } from "@/app/_components/community";
import { ActionForm, RadioGroup } from "@/app/_components/form";
import { requireViewer } from "@/lib/auth/request-viewer";
import { deliveryLabels } from "@/lib/notifications/kinds";
import { getNotificationSettings, watchLabels } from "@/lib/notifications/watches";
import { WatchFields } from "@/app/_components/watch-fields";

export const metadata: Metadata = { title: "Notifications and email" };

const deliveryOptions = Object.entries(deliveryLabels).map(([value, label]) => ({ value, label }));
const digestOptions = [
  { value: "daily", label: "Every day", hint: "At 7am, when something new has happened." },
  { value: "weekly", label: "Every week", hint: "On Monday at 7am." },
  { value: "off", label: "No digest" },
];

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer("/settings/notifications");
  const settings = await getNotificationSettings(viewer);
  const personal = settings.kinds.filter((k) => !k.forFacilitators);
  const facilitation = settings.kinds.filter((k) => k.forFacilitators);
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-2">
        <p>
          <Link href="/settings">Your profile</Link>
        </p>
        <h1 className="text-3xl font-bold">Notifications and email</h1>
        <p>
          Everything shows on your <Link href="/notifications">notifications page</Link>. Here you choose what is also emailed to{" "}
          {viewer.email}, and what waits for your digest.
        </p>
      </div>

      <section aria-labelledby="email-heading" className="space-y-4">
        <h2 id="email-heading" className="text-2xl font-bold">
          Email
        </h2>
        <ActionForm action={setEmailPreferencesAction} submitLabel="Save email settings" idPrefix="email">
          <RadioGroup
            name="digest"
            legend="Digest of what happened in your communities"
            hint={settings.digest.nextDigestAt ? `Your next digest is due ${formatDate(settings.digest.nextDigestAt)}.` : undefined}
            options={digestOptions}
            defaultValue={settings.digest.frequency}
          />
          {personal.map((k) => (
            <RadioGroup key={k.kind} name={k.kind} legend={k.label} options={deliveryOptions} defaultValue={k.delivery} />
          ))}
          {facilitation.length > 0 && <h3 className="text-xl font-bold">For facilitators</h3>}
          {facilitation.map((k) => (
            <RadioGroup key={k.kind} name={k.kind} legend={k.label} options={deliveryOptions} defaultValue={k.delivery} />
          ))}
        </ActionForm>
      </section>

      <section aria-labelledby="communities-heading" className="space-y-4">
        <h2 id="communities-heading" className="text-2xl font-bold">
          Your communities
        </h2>
        {settings.communities.length === 0 && (
          <p className="text-muted">
            You have not joined a community yet. <Link href="/communities">Find communities to join</Link>.
          </p>
        )}
        <ul className="space-y-6">
          {settings.communities.map((c) => (
            <li key={c.slug} className="border-b border-line pb-6">
              <h3 className="text-lg font-bold">
                <Link href={`/c/${c.slug}`}>{c.name}</Link>
              </h3>
              <p className="text-sm text-muted">Now: {watchLabels[c.level].label.toLowerCase()}</p>
              <ActionForm action={setCommunityWatchAction} submitLabel={`Save for ${c.name}`} idPrefix={`watch-${c.slug}`} kind="secondary">
                <WatchFields slug={c.slug} watch={c} />
              </ActionForm>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
