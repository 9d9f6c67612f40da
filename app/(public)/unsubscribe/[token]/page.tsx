import type { Metadata } from "next";
import Link from "next/link";
import { unsubscribeAction } from "@/app/_actions/notifications";
import { ActionForm } from "@/app/_components/form";
import { loadPage } from "@/app/_components/load-page";
import { describeUnsubscribe } from "@/lib/notifications/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

/** The link at the foot of each email. It asks first, so a link checker opening it changes nothing. */
export default async function UnsubscribePage({ params }: PageProps<"/unsubscribe/[token]">) {
  const { token } = await params;
  const { data } = await loadPage(() => describeUnsubscribe(token));
  if (!data) return null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">Unsubscribe</h1>
      <p>Stop getting {data.what}? You do not need to sign in.</p>
      <ActionForm action={unsubscribeAction} submitLabel="Unsubscribe">
        <input type="hidden" name="token" value={token} />
      </ActionForm>
      <p>
        To choose exactly what you get, <Link href="/settings/notifications">sign in and open your notification settings</Link>.
      </p>
    </div>
  );
}
